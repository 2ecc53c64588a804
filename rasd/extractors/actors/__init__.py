"""actors mentions."""
