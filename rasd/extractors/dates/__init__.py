"""Date mentions and incident dating (ACLED ``event_date`` + ``time_precision``).

Public surface: :class:`DatesStage` (the pipeline stage), :func:`date_for_span` and
:class:`DateChoice` (event dating), :func:`resolve_publication` and :class:`PublicationInfo`.
"""

from rasd.extractors.dates.dating import DateChoice, date_for_span
from rasd.extractors.dates.publication import PublicationInfo, parse_published, resolve_publication
from rasd.extractors.dates.stage import DatesStage

__all__ = [
    "DateChoice",
    "DatesStage",
    "PublicationInfo",
    "date_for_span",
    "parse_published",
    "resolve_publication",
]
