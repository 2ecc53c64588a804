"""Exports of the event database: ACLED CSV, GeoJSON, Parquet and JSONL, streamed.

    from rasd.export import ExportFilter, export_events
    from rasd.store import open_store

    with open_store("sqlite:///rasd.db") as store, store.reading() as conn, open("out.csv", "wb") as fh:
        export_events(conn, "acled-csv", ExportFilter(country="Syria"), fh)

See docs/export.md for the columns of each format.
"""

from rasd.export.export import FORMATS, ExportError, export_events, format_for
from rasd.export.filters import BBox, ExportFilter, FilterError

__all__ = ["FORMATS", "BBox", "ExportError", "ExportFilter", "FilterError", "export_events", "format_for"]
