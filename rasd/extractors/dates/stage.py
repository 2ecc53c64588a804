"""Pipeline stage: date mentions, each resolved against the article's publication day."""

from __future__ import annotations

from datetime import timedelta

from rasd.document import Document
from rasd.extractors.dates.lexicon import clause_openers, reporting_words
from rasd.extractors.dates.parse import YEAR_MAX, YEAR_MIN, Expr, parse_tokens
from rasd.extractors.dates.publication import (
    PublicationInfo,
    dateline_expr,
    dateline_publication,
    meta_publication,
    publication_hour,
)
from rasd.extractors.dates.resolve import resolve, to_value

TONIGHT = "tonight"
NIGHT_ENDS_HOUR = 5  # local hour before which "tonight" is the night that began the day before
NO_PUBLICATION_WARNING = "dates: no publication date; relative dates are left null"
LOOK_BACK_TOKENS = 12  # how far back from a date its reporting verb or relative pronoun may be
CLAUSE_PUNCT = frozenset("،؛;:")


def parse_document(doc: Document) -> list[Expr]:
    """Every date expression of the document, sentence by sentence."""
    exprs: list[Expr] = []
    for sent in doc.sentences:
        exprs.extend(parse_tokens(doc.tokens, sent.tok_start, sent.tok_end))
    return exprs


def is_reporting_date(doc: Document, expr: Expr) -> bool:
    """A date between a reporting verb and the reported content ("اعلنت الشرطة الثلاثاء ان")."""
    verbs, complementizers = reporting_words()
    sentence = doc.sentences[doc.tokens[expr.tok_start].sentence]
    for i in range(expr.tok_start - 1, max(sentence.tok_start, expr.tok_start - LOOK_BACK_TOKENS) - 1, -1):
        forms = doc.tokens[i].forms
        if not complementizers.isdisjoint(forms):
            return False
        if not verbs.isdisjoint(forms):
            return True
    return False


def in_relative_clause(doc: Document, expr: Expr) -> bool:
    """The date sits in a relative clause ("المعسكر الذي اخلته البعثه قبل اسبوعين")."""
    relatives = clause_openers().relatives
    sentence = doc.sentences[doc.tokens[expr.tok_start].sentence]
    for i in range(expr.tok_start - 1, max(sentence.tok_start, expr.tok_start - LOOK_BACK_TOKENS) - 1, -1):
        tok = doc.tokens[i]
        if tok.kind == "punct" and tok.norm in CLAUSE_PUNCT:
            return False
        if tok.norm in relatives:
            return True
    return False


def publication_for(doc: Document, exprs: list[Expr]) -> PublicationInfo:
    info = meta_publication(doc)
    if info is not None:
        return info
    found = dateline_publication(doc, exprs)
    if found is not None and found.date is not None:
        return found
    reason = found.reason if found else None
    if reason is None:
        reason = "unreadable published value" if doc.meta.published else "no publication date"
    return PublicationInfo(None, "none", reason)


class DatesStage:
    name = "dates"
    version = "4"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("dates needs the normalize and tokenize stages first")
        exprs = parse_document(doc)
        dateline = dateline_expr(doc, exprs)
        if dateline is not None:
            dateline.dateline = True
        pub = publication_for(doc, exprs)
        if pub.date is None and any(not e.background for e in exprs):
            doc.warnings.append(NO_PUBLICATION_WARNING if not doc.meta.published else (
                f"dates: published value {doc.meta.published!r} is not a readable date (ISO 8601 or "
                f"RFC 2822, years {YEAR_MIN}-{YEAR_MAX}); relative dates are left null"))
        offsets = doc.norm.offsets
        hour = publication_hour(doc.meta.published, doc.meta.timezone) if pub.source == "meta" else None
        for expr in exprs:
            res = resolve(expr, pub.date)
            if hour is not None and hour < NIGHT_ENDS_HOUR and expr.key == TONIGHT and res.date is not None:
                # "الليلة" in an article published at 01:30 is the night that began the day before
                res.date -= timedelta(days=1)
                res.first = res.first - timedelta(days=1) if res.first else None
                res.last = res.last - timedelta(days=1) if res.last else None
            if res.reason is None and pub.source == "dateline" and not expr.dateline:
                res.confidence *= 0.9
            first = doc.tokens[expr.tok_start]
            start = offsets[first.nstart + expr.prefix_len] if expr.prefix_len else first.start
            end = doc.tokens[expr.tok_end - 1].end
            value = to_value(expr, res)
            value["reporting"] = is_reporting_date(doc, expr)
            value["relative_clause"] = in_relative_clause(doc, expr)
            doc.add_mention("date", start, end, value, confidence=res.confidence,
                            tok_start=expr.tok_start, tok_end=expr.tok_end, stage=self.name)
        return doc
