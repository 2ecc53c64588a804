"""The pipeline version stored with every extraction: a change of rules or shipped data re-extracts."""

from __future__ import annotations

import re

from rasd.store import articles


def test_the_version_names_the_release_and_a_digest():
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{8}", articles.pipeline_version())


def test_the_shipped_data_digest_covers_the_lexicons_and_the_models():
    digest = articles.package_data_digest()
    assert re.fullmatch(r"[0-9a-f]{16}", digest)
    assert set(articles.DATA_FOLDERS) == {"lang", "events/models"}


def test_a_change_of_shipped_data_changes_the_version(monkeypatch):
    before = articles.pipeline_version()
    monkeypatch.setattr(articles, "package_data_digest", lambda: "0" * 16)
    assert articles.pipeline_version() != before
