"""Loading the annotated gold corpus (one JSON object per line, one article per object).

The gold format is the output contract (``article``, ``text``, ``events``) plus three
annotation-only parts: ``core`` on every event, a ``not_events`` list of trap phrases and a
``places`` list of every place mention. ``eval/dev/README.md`` gives the coding rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

DISORDER_TYPES = ("Political violence", "Demonstrations", "Strategic developments")

NOT_EVENT_REASONS = (
    "condemnation",
    "statement",
    "threat",
    "future",
    "denial",
    "negation",
    "hypothetical",
    "claim",
    "video",
    "court",
    "background",
    "aggregate",
    "accident",
    "disaster",
    "non_conflict",
    "sport",
)

PLACE_KINDS = ("city", "district", "admin1", "admin2", "country", "region", "natural")


class GoldFormatError(ValueError):
    """A gold file or line that cannot be read as the gold format."""


@dataclass(slots=True)
class GoldArticle:
    """One annotated article; ``events``/``not_events``/``places`` stay plain dicts."""

    id: str
    article: dict[str, Any]
    text: str
    events: list[dict[str, Any]] = field(default_factory=list)
    not_events: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    origin: str = ""  # "file.jsonl:line" for messages

    @property
    def core_events(self) -> list[dict[str, Any]]:
        return [e for e in self.events if e.get("core", True)]


def gold_files(path: Path) -> list[Path]:
    """The ``.jsonl`` files named by ``path`` (a file, or a folder read non-recursively)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".jsonl" and p.is_file())
        if not files:
            raise GoldFormatError(f"{path}: no .jsonl files in this folder")
        return files
    if path.is_file():
        return [path]
    raise GoldFormatError(f"{path}: no such file or folder")


def iter_gold(path: Path) -> Iterator[GoldArticle]:
    for file in gold_files(path):
        with file.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield parse_gold_line(line, origin=f"{file.name}:{number}")


def load_gold(path: Path | str) -> list[GoldArticle]:
    articles = list(iter_gold(Path(path)))
    seen: dict[str, str] = {}
    for art in articles:
        if art.id in seen:
            raise GoldFormatError(f"{art.origin}: duplicate article id {art.id!r} (also {seen[art.id]})")
        seen[art.id] = art.origin
    return articles


def parse_gold_line(line: str, origin: str = "") -> GoldArticle:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise GoldFormatError(f"{origin}: not JSON ({err})") from err
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{origin}: a line must hold a JSON object")
    article = obj.get("article")
    text = obj.get("text")
    if not isinstance(article, dict) or not article.get("id"):
        raise GoldFormatError(f"{origin}: missing article.id")
    if not isinstance(text, str) or not text:
        raise GoldFormatError(f"{origin}: missing text")
    lists = {}
    for key in ("events", "not_events", "places"):
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise GoldFormatError(f"{origin}: {key} must be a list of objects")
        lists[key] = value
    return GoldArticle(id=str(article["id"]), article=article, text=text, origin=origin, **lists)


def text_span(text: str, phrase: str, start: int | None = None) -> tuple[int, int] | None:
    """The span of ``phrase`` in ``text``: at ``start`` when given and right, else its first occurrence."""
    if start is not None and text[start : start + len(phrase)] == phrase:
        return start, start + len(phrase)
    found = text.find(phrase)
    return None if found < 0 else (found, found + len(phrase))


def load_any_gold(path: Path | str, corpus: Path | str | None = None) -> list[GoldArticle]:
    """Gold with its text (``eval/dev``) or real-text gold that points into a corpus (``eval/real``)."""
    from rasd.evaluate.real import is_real_line, iter_real_lines, load_real_gold

    first = next(iter_real_lines(Path(path)), None)
    if first is not None and is_real_line(first[1]):
        return load_real_gold(path, corpus)
    return load_gold(path)
