"""Running the pipeline (or reading saved predictions) over gold articles and scoring them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rasd.evaluate.gold import GoldArticle, GoldFormatError
from rasd.evaluate.metrics import ArticleResult, Report, aggregate, score_article

# article -> the output contract of one document ({"events": [...], "mentions": [...], ...})
Predictor = Callable[[GoldArticle], dict[str, Any]]

META_KEYS = ("id", "url", "source", "published", "title", "language")


def pipeline_predictor() -> Predictor:
    from rasd.pipeline import extract

    def predict(art: GoldArticle) -> dict[str, Any]:
        meta = {k: art.article.get(k) for k in META_KEYS if art.article.get(k) is not None}
        return extract(art.text, **meta).to_dict()

    return predict


def load_predictions(path: Path | str) -> dict[str, dict[str, Any]]:
    """Saved output-contract lines keyed by ``article.id``."""
    out: dict[str, dict[str, Any]] = {}
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                out[str(obj["article"]["id"])] = obj
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise GoldFormatError(f"{path}:{number}: not an output-contract line ({err})") from err
    return out


def saved_predictor(predictions: dict[str, dict[str, Any]]) -> Predictor:
    def predict(art: GoldArticle) -> dict[str, Any]:
        return predictions.get(art.id, {"events": [], "mentions": []})

    return predict


def evaluate_articles(articles: Iterable[GoldArticle], predict: Predictor | None = None) -> Report:
    """Score every article; an article whose prediction raises is scored as predicting nothing."""
    predict = predict or pipeline_predictor()
    results: list[ArticleResult] = []
    for art in articles:
        try:
            output = predict(art)
            error = None
        except Exception as err:  # one broken article must not hide the others
            output, error = {}, f"{type(err).__name__}: {err}"
        results.append(
            score_article(art, list(output.get("events") or []), list(output.get("mentions") or []), error)
        )
    return aggregate(results)
