"""sources mentions."""
