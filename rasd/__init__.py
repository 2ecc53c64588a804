"""Rasd: Arabic news reports → geolocated, evidence-backed conflict event records."""

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]


def extract(text: str, **meta: object):
    """Run the default pipeline on one article text; see :func:`rasd.pipeline.extract`."""
    from rasd.pipeline import extract as _extract

    return _extract(text, **meta)
