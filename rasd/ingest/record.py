"""One article read from an input, and the checks every reader applies to it."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from rasd.document import ArticleMeta
from rasd.ingest.errors import InputError
from rasd.normalize.normalizer import ARABIC_LANGUAGE_RATIO, arabic_ratio

META_FIELDS = tuple(f.name for f in fields(ArticleMeta))


@dataclass(slots=True)
class ArticleInput:
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    origin: str = "<input>"
    warnings: list[str] = field(default_factory=list)
    line: int | None = None  # line number for articles read from JSONL


def check_article_text(text: str, origin: str) -> None:
    if not text.strip():
        raise InputError(origin, "empty article (no text)")
    ratio = arabic_ratio(text)
    if ratio < ARABIC_LANGUAGE_RATIO:
        raise InputError(
            origin, f"not Arabic text ({ratio:.0%} of letters are Arabic); Rasd reads Arabic articles"
        )


def merge_meta(found: dict[str, Any], defaults: ArticleMeta, origin: str = "<input>",
                warnings: list[str] | None = None) -> ArticleMeta:
    """Values given on the command line win over values found in the input. A value that is no
    string or number (an object, a list, true/false) is left out, with a warning."""
    values: dict[str, Any] = {}
    for name in META_FIELDS:
        given = getattr(defaults, name)
        if given is not None:
            values[name] = given
            continue
        value = found.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            if warnings is not None:
                warnings.append(f"{origin}: '{name}' is {json_kind(value)}, not a string: ignored")
            value = None
        values[name] = None if value is None or value == "" else str(value)
    return ArticleMeta(**values)


def json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return type(value).__name__
