"""Arabic date lexicons (data only; see rasd.extractors.dates)."""
