"""Migration scripts, one per schema revision (``down_revision`` chains them)."""
