"""Reading articles: text, HTML and JSONL files (or stdin) -> ``ArticleInput`` records.

Bad input never raises out of a batch: :func:`read_articles` yields :class:`InputProblem`
items (naming the file and line) next to the good articles, so callers skip and report.
"""

from rasd.ingest.errors import InputError, InputProblem
from rasd.ingest.readers import DEFAULT_MAX_BYTES, ArticleInput, read_articles

__all__ = ["DEFAULT_MAX_BYTES", "ArticleInput", "InputError", "InputProblem", "read_articles"]
