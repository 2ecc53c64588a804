"""Event trigger mentions: Arabic words and phrases typed by ACLED sub-event type."""
