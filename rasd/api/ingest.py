"""POST /extract and POST /articles: the same code paths as ``rasd extract`` and ``rasd ingest``."""

from __future__ import annotations

from typing import Any

from rasd.api.models import ArticleIn
from rasd.document import ArticleMeta
from rasd.ingest.errors import InputError
from rasd.ingest.record import ArticleInput, check_article_text, merge_meta
from rasd.store.articles import article_key, text_sha256
from rasd.store.store import Store


class ArticleRejected(ValueError):
    """An article the pipeline cannot take (not Arabic, empty...), with the reason."""


def _article(given: ArticleIn, origin: str) -> ArticleInput:
    warnings: list[str] = []
    found = {k: v for k, v in given.model_dump().items() if k != "text" and v is not None}
    try:
        check_article_text(given.text, origin)
        meta = merge_meta(found, ArticleMeta(), origin, warnings)
    except InputError as exc:
        raise ArticleRejected(f"{exc.origin}: {exc.message}") from None
    return ArticleInput(given.text, meta, origin, warnings)


def extract_one(given: ArticleIn) -> dict[str, Any]:
    from rasd.api.app import ApiError
    from rasd.pipeline import extract_article

    try:
        item = _article(given, "article")
    except ArticleRejected as exc:
        raise ApiError(422, "unprocessable_article", str(exc)) from None
    doc = extract_article(item)
    out = doc.to_dict()
    out["warnings"] = [*item.warnings, *out["warnings"]]
    return out


def ingest(store: Store, given: list[ArticleIn]) -> dict[str, Any]:
    """Store the articles through an ingest run (command ``api``); each article's outcome."""
    from rasd.store.ingest import FAILED, IngestRun

    run = IngestRun(store, "api", ["<api>"], refresh_statistics=False)  # ingest runs refresh them
    outcomes: list[dict[str, Any]] = []
    good: list[tuple[int, ArticleInput]] = []
    for n, article in enumerate(given):
        try:
            good.append((n, _article(article, f"articles[{n}]")))
        except ArticleRejected as exc:
            run.totals.fail(f"articles[{n}]", str(exc))
            outcomes.append({"input": n, "id": article.id, "outcome": FAILED, "events": 0, "error": str(exc)})
    status = "interrupted"
    try:
        for (n, item), (_, result) in zip(good, run.add_many(item for _, item in good), strict=True):
            key = article_key(item.meta, text_sha256(item.text))
            outcomes.append({"input": n, "id": key, "outcome": result.outcome, "events": result.events,
                             "error": result.error})
        status = "finished"
    finally:
        run.finish(status)
    return {"run": run.run_id, "articles": sorted(outcomes, key=lambda o: o["input"]), "counts": run.totals.counts()}
