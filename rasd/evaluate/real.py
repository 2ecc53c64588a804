"""Gold for real articles: annotations that point into a corpus file instead of holding text.

A real-text gold line stores ids, offsets and gold fields only (the articles stay the publishers'
copyright and are never copied into the repository)::

    {"article": {"id": DOCNO, "text_sha256": HEX},
     "events": [{...ACLED fields..., "core": true, "evidence": [[start, end], ...]}],
     "not_events": [{"start": S, "end": E, "reason": "condemnation"}],
     "notes": "annotator's remarks"}

The loader joins every line with its article in a corpus JSONL(.gz) (``docno``/``id`` and
``text``), checks the text hash so offsets cannot silently drift, fills ``text``, the article's
url/source/title/published and the evidence phrases, and returns ordinary
:class:`~rasd.evaluate.gold.GoldArticle` objects that the evaluator scores as it scores
``eval/dev``. ``eval/real/README.md`` gives the annotation rules.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from rasd.evaluate.gold import EVENT_TYPES, NOT_EVENT_REASONS, GoldArticle, GoldFormatError, gold_files

CORPUS_ENV = "RASD_CORPUS"
CORPUS_DEFAULT = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "ant-dev.jsonl.gz"

REQUIRED_EVENT_KEYS = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injured",
    "core",
    "evidence",
)
COUNT_KEYS = ("fatalities", "injured")


def corpus_path(explicit: Path | str | None = None) -> Path:
    """The corpus a real gold set points into: ``explicit``, ``$RASD_CORPUS`` or ``../shared``'s."""
    if explicit:
        return Path(explicit)
    if os.environ.get(CORPUS_ENV):
        return Path(os.environ[CORPUS_ENV])
    return CORPUS_DEFAULT.resolve()


def is_real_line(obj: dict[str, Any]) -> bool:
    return "text" not in obj and isinstance(obj.get("article"), dict) and "text_sha256" in obj["article"]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iso_published(value: Any) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).isoformat()
    except (TypeError, ValueError):
        return str(value)


def read_corpus_texts(path: Path, wanted: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Rows of the corpus whose id is in ``wanted`` (one pass; gzip or plain JSONL)."""
    wanted = set(wanted)
    found: dict[str, dict[str, Any]] = {}
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not wanted - found.keys():
                    break
                row = json.loads(line)
                key = str(row.get("docno") or row.get("id"))
                if key in wanted:
                    found[key] = row
    except FileNotFoundError as err:
        raise GoldFormatError(f"{path}: the corpus this gold set points into is missing") from err
    return found


def _span_ok(span: Any, text: str) -> bool:
    return (
        isinstance(span, list | tuple)
        and len(span) == 2
        and all(isinstance(v, int) for v in span)
        and 0 <= span[0] < span[1] <= len(text)
    )


def validate_event(event: dict[str, Any], text: str) -> Iterator[str]:
    for key in REQUIRED_EVENT_KEYS:
        if key not in event:
            yield f"event lacks {key!r}"
    etype, sub = event.get("event_type"), event.get("sub_event_type")
    if etype not in EVENT_TYPES:
        yield f"unknown event_type {etype!r}"
    elif sub not in EVENT_TYPES[etype]:
        yield f"sub_event_type {sub!r} is not a {etype!r} sub-event"
    for key in COUNT_KEYS:
        value = event.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            yield f"{key} must be a non-negative integer or null, not {value!r}"
    if event.get("time_precision") not in (1, 2, 3, None):
        yield f"time_precision must be 1, 2 or 3, not {event.get('time_precision')!r}"
    if event.get("geo_precision") not in (1, 2, 3, None):
        yield f"geo_precision must be 1, 2 or 3, not {event.get('geo_precision')!r}"
    spans = event.get("evidence") or []
    if not spans:
        yield "event has no evidence span"
    for span in spans:
        if not _span_ok(span, text):
            yield f"evidence span {span!r} is outside the text"


def validate_real_line(obj: dict[str, Any], text: str | None) -> list[str]:
    """Problems with one real gold line given its article text (None: article not found)."""
    art = obj.get("article") or {}
    if text is None:
        return [f"article {art.get('id')!r} is not in the corpus"]
    problems: list[str] = []
    if art.get("text_sha256") != text_sha256(text):
        problems.append("text_sha256 does not match the corpus text")
    for n, event in enumerate(obj.get("events") or []):
        problems.extend(f"events[{n}]: {p}" for p in validate_event(event, text))
    for n, trap in enumerate(obj.get("not_events") or []):
        if trap.get("reason") not in NOT_EVENT_REASONS:
            problems.append(f"not_events[{n}]: unknown reason {trap.get('reason')!r}")
        if not _span_ok([trap.get("start"), trap.get("end")], text):
            problems.append(f"not_events[{n}]: span outside the text")
    return problems


def resolve_real_line(obj: dict[str, Any], row: dict[str, Any], origin: str) -> GoldArticle:
    """A real gold line joined with its corpus row, as an ordinary gold article."""
    text = row["text"]
    problems = validate_real_line(obj, text)
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise GoldFormatError(f"{origin}: {problems[0]}{more}")
    article = {
        "id": str(obj["article"]["id"]),
        "url": row.get("url"),
        "source": row.get("source"),
        "title": row.get("title"),
        "published": iso_published(row.get("published")),
        "language": "ar",
        "category": row.get("category"),
    }
    events = []
    for event in obj.get("events") or []:
        spans = [tuple(s) for s in event["evidence"]]
        filled = {**event, "evidence_text": text[spans[0][0] : spans[0][1]]}
        events.append(filled)
    traps = [{**t, "text": text[t["start"] : t["end"]]} for t in obj.get("not_events") or []]
    return GoldArticle(
        id=article["id"], article=article, text=text, events=events, not_events=traps, places=[], origin=origin
    )


def iter_real_lines(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else gold_files(path)
    for file in files:
        with file.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise GoldFormatError(f"{file.name}:{number}: not JSON ({err})") from err
                yield f"{file.name}:{number}", obj


def load_real_gold(path: Path | str, corpus: Path | str | None = None) -> list[GoldArticle]:
    """Every real gold article under ``path`` (file or folder, recursive), texts from the corpus."""
    lines = list(iter_real_lines(Path(path)))
    if not lines:
        raise GoldFormatError(f"{path}: no real gold lines")
    rows = read_corpus_texts(corpus_path(corpus), (str(obj["article"]["id"]) for _, obj in lines))
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for origin, obj in lines:
        art_id = str(obj["article"]["id"])
        if art_id in seen:
            raise GoldFormatError(f"{origin}: duplicate article id {art_id!r}")
        seen.add(art_id)
        if art_id not in rows:
            raise GoldFormatError(f"{origin}: article {art_id!r} is not in {corpus_path(corpus)}")
        articles.append(resolve_real_line(obj, rows[art_id], origin))
    return articles
