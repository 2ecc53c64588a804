"""Cross-article fusion: reports of one incident from many articles become one event.

``report`` (one extracted event of one article), ``compat`` (can two reports tell one incident,
and the merge score), ``cluster`` (components of the link graph, deterministic clustering, stable
ids), ``fields`` (the fused event's fields: tolls over reports, actors, grading). Pure functions
over plain data: the store (``rasd.store``) feeds them and keeps the results.
"""

from rasd.fusion.cluster import (
    FusedCluster,
    candidate_window,
    cluster,
    cluster_all,
    components,
    connected_component,
    event_id_for,
)
from rasd.fusion.compat import MERGE_THRESHOLD, PairScore, pair_score
from rasd.fusion.fields import fuse_fields
from rasd.fusion.report import Report, canonical_key, report_from_event

__all__ = [
    "MERGE_THRESHOLD",
    "FusedCluster",
    "PairScore",
    "Report",
    "candidate_window",
    "canonical_key",
    "cluster",
    "cluster_all",
    "components",
    "connected_component",
    "event_id_for",
    "fuse_fields",
    "pair_score",
    "report_from_event",
]
