"""places mentions."""
