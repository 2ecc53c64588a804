"""CSV and TSV files: one article a row, its text in one column (``--text-column``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from rasd.document import ArticleMeta
from rasd.ingest.errors import InputError, InputProblem
from rasd.ingest.record import ArticleInput, check_article_text, merge_meta

TABLE_SUFFIXES = (".csv", ".tsv")


def iter_table(path: Path, origin: str, defaults: ArticleMeta, max_bytes: int, text_column: str,
               date_column: str) -> Iterator[ArticleInput | InputProblem]:
    """Rows as articles; the other columns named like article fields (id, url, title, source,
    published) fill the metadata. A row without usable text is an InputProblem naming its line."""
    delimiter = "\t" if path.name.lower().endswith(".tsv") else ","
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text, delimiter=delimiter)
        try:
            columns = reader.fieldnames or []
            if text_column not in columns:
                raise InputError(origin, f"no column {text_column!r} (columns: {', '.join(columns) or 'none'}); "
                                         "name the text column with --text-column")
            for row in reader:
                yield _row_article(row, f"{origin}:{reader.line_num}", defaults, text_column, date_column)
        except UnicodeDecodeError as exc:
            raise InputError(f"{origin}:{reader.line_num + 1}", f"not UTF-8 ({exc.reason}); convert the file "
                                                                 "to UTF-8") from None
        except csv.Error as exc:
            raise InputError(f"{origin}:{reader.line_num}", f"not readable as CSV ({exc})") from None


def _row_article(row: dict[str, str | None], where: str, defaults: ArticleMeta, text_column: str,
                 date_column: str) -> ArticleInput | InputProblem:
    text = row.get(text_column) or ""
    found = {key: value for key, value in row.items() if key and value}
    if row.get(date_column):
        found["published"] = row[date_column]
    try:
        check_article_text(text, where)
    except InputError as exc:
        return InputProblem(where, exc.message)
    warnings: list[str] = []
    return ArticleInput(text, merge_meta(found, defaults, where, warnings), where, warnings,
                        line=int(where.rsplit(":", 1)[1]))
