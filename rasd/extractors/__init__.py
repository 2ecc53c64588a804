"""Mention extractors: numbers, casualties, dates, places, actors, sources, triggers."""
