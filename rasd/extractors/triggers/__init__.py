"""triggers mentions."""
