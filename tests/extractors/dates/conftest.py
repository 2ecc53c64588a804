"""Shared helpers for the date tests: a pipeline that stops after the dates stage."""

from __future__ import annotations

import pytest

from rasd.document import ArticleMeta, Document
from rasd.extractors.dates.stage import DatesStage
from rasd.normalize import NormalizeStage
from rasd.pipeline import Pipeline
from rasd.tokenize import TokenizeStage

DATES_PIPELINE = Pipeline([NormalizeStage(), TokenizeStage(), DatesStage()])


def run_dates(text: str, published: str | None = None, timezone: str | None = None) -> Document:
    doc = Document(text=text, meta=ArticleMeta(published=published or None, timezone=timezone or None))
    return DATES_PIPELINE(doc)


@pytest.fixture
def dated():
    return run_dates
