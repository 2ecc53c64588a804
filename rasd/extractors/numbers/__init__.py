"""numbers mentions."""
