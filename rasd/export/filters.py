"""The event filter lives with the store (:mod:`rasd.store.filters`); exports use it as is."""

from rasd.store.filters import BBox, ExportFilter, FilterError

__all__ = ["BBox", "ExportFilter", "FilterError"]
