"""The ordered pipeline of stages: article text -> Document with mentions and events.

A stage is any object with ``name``, ``version`` and ``__call__(doc) -> doc``. Stages hold only
read-only resources (lexicons, gazetteer) that are loaded lazily and cached per process, so a
pipeline is cheap to build, safe to use from worker processes, and keeps no per-article state.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from rasd.document import ArticleMeta, Document

if TYPE_CHECKING:
    from rasd.ingest import ArticleInput

# Order matters: each stage may read what the earlier ones added.
DEFAULT_STAGES: tuple[str, ...] = (
    "rasd.normalize.normalizer:NormalizeStage",
    "rasd.tokenize.tokens:TokenizeStage",
    "rasd.extractors.numbers.stage:NumbersStage",
    "rasd.extractors.casualties.stage:CasualtiesStage",
    "rasd.extractors.dates.stage:DatesStage",
    "rasd.extractors.places.stage:PlacesStage",
    "rasd.extractors.actors.stage:ActorsStage",
    "rasd.extractors.sources.stage:SourcesStage",
    "rasd.extractors.triggers.stage:TriggersStage",
    "rasd.events.stage:EventsStage",
)


class Stage(Protocol):
    name: str
    version: str

    def __call__(self, doc: Document) -> Document: ...


def load_stage(spec: str) -> Stage:
    module_name, _, class_name = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)()


class Pipeline:
    def __init__(self, stages: Sequence[Stage] | None = None) -> None:
        self.stages: list[Stage] = list(stages) if stages is not None else [
            load_stage(spec) for spec in DEFAULT_STAGES
        ]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
            doc.stages[stage.name] = stage.version
        return doc

    def until(self, name: str) -> Pipeline:
        """A pipeline of the stages up to and including ``name`` (for tests and tools)."""
        names = [s.name for s in self.stages]
        if name not in names:
            raise KeyError(name)
        return Pipeline(self.stages[: names.index(name) + 1])


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """A process-wide pipeline; stages are stateless so sharing is safe."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract_article(article: ArticleInput, pipeline: Pipeline | None = None) -> Document:
    """Run the pipeline on an article read by :mod:`rasd.ingest`."""
    doc = Document(text=article.text, meta=article.meta)
    doc.warnings.extend(article.warnings)
    return (pipeline or default_pipeline())(doc)


def extract(text: str, pipeline: Pipeline | None = None, **meta: Any) -> Document:
    """Run the pipeline on one article. ``meta`` fills :class:`ArticleMeta` fields."""
    doc = Document(text=text, meta=ArticleMeta(**meta))
    return (pipeline or default_pipeline())(doc)
