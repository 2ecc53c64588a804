"""Event assembly: mentions -> coded incidents (ACLED fields, evidence, confidence)."""
