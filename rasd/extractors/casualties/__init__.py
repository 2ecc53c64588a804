"""casualties mentions."""
