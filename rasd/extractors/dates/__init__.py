"""dates mentions."""
