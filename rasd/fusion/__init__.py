"""Cross-article fusion: reports of one incident from many articles become one event.

``report`` (one extracted event of one article), ``compat`` (can two reports tell one incident,
and the merge score), ``cluster`` (deterministic greedy clustering in canonical order, stable
ids), ``incremental`` (replaying only what a new article can change), ``fields`` (the fused
event's fields: tolls over reports, actors, grading). Pure functions over plain data: the store
(``rasd.store``) feeds them and keeps the results.
"""

from rasd.fusion.cluster import (
    FusedCluster,
    Incident,
    assign,
    cluster,
    cluster_all,
    event_id_for,
)
from rasd.fusion.compat import MERGE_THRESHOLD, PairScore, pair_score
from rasd.fusion.fields import fuse_fields
from rasd.fusion.incremental import Change, MemorySource, Source, Stub, refuse
from rasd.fusion.report import Report, canonical_key, report_from_event

__all__ = [
    "MERGE_THRESHOLD",
    "Change",
    "FusedCluster",
    "Incident",
    "MemorySource",
    "PairScore",
    "Report",
    "Source",
    "Stub",
    "assign",
    "canonical_key",
    "cluster",
    "cluster_all",
    "event_id_for",
    "fuse_fields",
    "pair_score",
    "refuse",
    "report_from_event",
]
