"""Command line: ``rasd extract``, ``rasd evaluate``, ``rasd gazetteer`` …

Exit codes: 0 ok, 1 runtime error, 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from rasd import __version__

if TYPE_CHECKING:
    from rasd.document import ArticleMeta

EXIT_OK, EXIT_RUNTIME, EXIT_INPUT = 0, 1, 2

# Modules that add their own sub-commands through ``register(subparsers)``.
PLUGIN_COMMANDS: tuple[str, ...] = (
    "rasd.evaluate.cli",
    "rasd.evaluate.fusion_cli",
    "rasd.extractors.places.cli",
    "rasd.store.cli",
    "rasd.export.cli",
    "rasd.api.cli",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep the message short
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rasd",
        description="Rasd reads Arabic news reports and codes the violent incidents they report "
        "as ACLED-style event records with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"rasd {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_extract(sub)
    for module_name in PLUGIN_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        module.register(sub)
    return parser


def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="extract events from articles (a text, HTML, JSONL, CSV, feed or WARC file, a folder, "
        "a feed URL, or - for stdin)",
        description="Read one article (UTF-8 text or a saved HTML page), a file of articles (JSONL "
        "with 'text' and optionally 'title', 'published', 'url', 'source', 'id'; CSV/TSV with a text "
        "column; an RSS/Atom feed; a WARC/ARC archive), every file of a folder, or a feed URL, and "
        "print the events, mentions and evidence found in each article.",
    )
    p.add_argument("path", metavar="PATH", help="input file, folder or feed URL, or - to read standard input")
    add_article_options(p)
    p.add_argument("--format", choices=("json", "jsonl", "table"), default=None,
                   help="output format (default: json for one article, jsonl for JSONL input)")
    add_input_options(p)
    p.add_argument("--no-mentions", action="store_true", help="leave the mentions list out")
    add_progress_option(p)
    p.set_defaults(handler=run_extract)


def published_value(text: str) -> str:
    """An argparse type: a publication date Rasd can read, else a usage error."""
    from rasd.extractors.dates.parse import YEAR_MAX, YEAR_MIN
    from rasd.extractors.dates.publication import parse_published

    if parse_published(text) is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a publication date: give an ISO 8601 date or datetime "
            f"(2018-05-03, 2018-05-03T10:30+03:00) or an RFC 2822 one, years {YEAR_MIN}-{YEAR_MAX}")
    return text


def time_zone(name: str) -> str:
    from rasd.extractors.dates.publication import known_zone

    if not known_zone(name):
        raise argparse.ArgumentTypeError(f"{name!r} is not a known IANA time zone (e.g. Asia/Baghdad)")
    return name


def positive_bytes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of bytes") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} bytes: the size limit must be a positive number")
    return value


def add_article_options(p: argparse.ArgumentParser) -> None:
    """What the caller tells about an article (shared by ``extract`` and ``ingest``)."""
    p.add_argument("--published", type=published_value, help="publication date or datetime (ISO 8601), "
                   "the anchor for relative dates such as 'yesterday'")
    p.add_argument("--timezone", type=time_zone, help="IANA time zone of the outlet (e.g. Africa/Tripoli), "
                   "used to read a publication time without offset")
    p.add_argument("--source", help="outlet name (ACLED 'source')")
    p.add_argument("--url", help="article URL")
    p.add_argument("--id", dest="article_id", help="article id")
    p.add_argument("--title", help="article title")


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input-format", choices=("text", "html", "jsonl", "csv", "feed", "warc"), default=None,
                   help="force the input format (default: guessed from the name or content)")
    p.add_argument("--text-column", default="text", help="CSV/TSV: the column holding the article text "
                   "(default: text)")
    p.add_argument("--date-column", default="published", help="CSV/TSV: the column holding the "
                   "publication date (default: published)")
    p.add_argument("--max-bytes", type=positive_bytes, default=None,
                   help="largest article accepted, in bytes (default 5 MB)")


def add_progress_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress line on stderr (default: when stderr is a terminal)")


def article_defaults(args: argparse.Namespace) -> ArticleMeta:
    """The article metadata given on the command line (it wins over what the input says)."""
    from rasd.document import ArticleMeta

    return ArticleMeta(
        id=args.article_id, url=args.url, source=args.source, published=args.published,
        title=args.title, timezone=args.timezone,
    )


def run_extract(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    from rasd.ingest import DEFAULT_MAX_BYTES, InputError, InputProblem, read_articles
    from rasd.output import render_document, render_table
    from rasd.progress import Progress

    out = out or sys.stdout
    err = err or sys.stderr
    defaults = article_defaults(args)
    max_bytes = args.max_bytes or DEFAULT_MAX_BYTES
    processed = skipped = failed = 0
    fmt = args.format
    progress = Progress("rasd extract", err, enabled=args.progress)
    try:
        from rasd.pipeline import extract_article

        for item in read_articles(args.path, defaults, max_bytes=max_bytes, input_format=args.input_format,
                                  text_column=args.text_column, date_column=args.date_column):
            if isinstance(item, InputProblem):
                skipped += 1
                progress.update(skipped=1)
                print(f"rasd: skipped {item}", file=err)
                continue
            if fmt is None:  # one JSON document for an input that is one article, else one a line
                fmt = "json" if item.line is None and item.origin in (args.path, "<stdin>") else "jsonl"
            for warning in item.warnings:
                print(f"rasd: warning: {warning}", file=err)
            try:
                doc = extract_article(item)
            except Exception as exc:
                if item.line is None:
                    raise
                # One article that breaks a stage must not end a batch: report it and go on.
                failed += 1
                progress.update(skipped=1)
                print(f"rasd: failed {item.origin}: {type(exc).__name__}: {exc}", file=err)
                continue
            if fmt == "table":
                out.write(render_table(doc))
            else:
                out.write(render_document(doc, pretty=fmt == "json", mentions=not args.no_mentions))
            out.write("\n")
            processed += 1
            progress.update(done=1, events=len(doc.events))
    except InputError as exc:
        progress.close()
        print(f"rasd: error: {exc}", file=err)
        if processed or skipped or failed:  # stopped inside a batch: say what was done before
            print(f"rasd: {processed} article(s) processed, {skipped} skipped, {failed} failed "
                  "before the input stopped", file=err)
        return EXIT_INPUT
    finally:
        progress.close()
    if skipped or failed:
        print(f"rasd: {processed} article(s) processed, {skipped} skipped, {failed} failed", file=err)
    if failed:
        return EXIT_RUNTIME
    if processed == 0:
        if not skipped:
            print(f"rasd: error: {args.path}: no articles found", file=err)
        return EXIT_INPUT
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_INPUT
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return EXIT_RUNTIME
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        print(f"rasd: error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return EXIT_RUNTIME


if __name__ == "__main__":
    sys.exit(main())
