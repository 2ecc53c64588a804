"""Tokenizer and sentence splitter working on ``Document.norm``.

Tokens and sentences carry both normalized and original offsets. Words glued together by
scraping (two known words with the space lost) are split when the split is unambiguous.
"""

from __future__ import annotations

import re
from functools import cache

from rasd.document import Document, NormText, Sentence, Token
from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import known_words
from rasd.tokenize.clitics import clitic_forms

_TOKEN = re.compile(
    r"(?P<number>[0-9]+(?:[.,][0-9]+)*)"
    r"|(?P<word>[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+)"
    r"|(?P<latin>[a-z\u00c0-\u024f]+)"
    r"|(?P<punct>[^\s])"
)
_SENT_END = frozenset(".!?؟\n")
_CLOSERS = frozenset("\"')]")
MIN_GLUE_PART = 3
MIN_GLUED = 6


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbr"] for r in read_tsv("abbreviations.tsv"))


def _is_known(word: str, vocab: frozenset[str]) -> bool:
    return any(form in vocab for form, _ in clitic_forms(word))


def split_glued(word: str, vocab: frozenset[str] | None = None) -> int | None:
    """Index at which ``word`` splits into two known words, or None when unclear."""
    vocab = known_words() if vocab is None else vocab
    if len(word) < MIN_GLUED or _is_known(word, vocab):
        return None
    cuts = [
        k
        for k in range(MIN_GLUE_PART, len(word) - MIN_GLUE_PART + 1)
        if _is_known(word[:k], vocab) and _is_known(word[k:], vocab)
    ]
    return cuts[0] if len(cuts) == 1 else None


def _make_token(index: int, norm: NormText, ns: int, ne: int, kind: str, sent: int) -> Token:
    start, end = norm.to_orig(ns, ne)
    surface = norm.text[ns:ne]
    forms = tuple(f for f, _ in clitic_forms(surface)) if kind == "word" else (surface,)
    return Token(index, start, end, ns, ne, surface, kind, sent, forms)


def _ends_sentence(norm: str, m: re.Match[str], prev_word: str | None) -> bool:
    ch = m.group()
    if ch not in _SENT_END:
        return False
    if ch == "." and prev_word is not None and prev_word in _abbreviations():
        return False
    nxt = m.end()
    while nxt < len(norm) and norm[nxt] in _CLOSERS:
        nxt += 1
    # A period directly followed by a digit is a decimal or a date, not a sentence end.
    return not (ch == "." and nxt < len(norm) and norm[nxt].isdigit())


def tokenize(norm: NormText) -> tuple[list[Token], list[Sentence]]:
    vocab = known_words()
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    sent_tok_start = 0
    prev_word: str | None = None
    text = norm.text

    def close_sentence() -> None:
        nonlocal sent_tok_start
        if len(tokens) == sent_tok_start:
            return
        first, last = tokens[sent_tok_start], tokens[-1]
        sentences.append(
            Sentence(len(sentences), first.start, last.end, first.nstart, last.nend,
                     sent_tok_start, len(tokens))
        )
        sent_tok_start = len(tokens)

    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        ns, ne = m.span()
        if m.group() == "\n":
            continue
        cut = split_glued(m.group(), vocab) if kind == "word" else None
        pieces = [(ns, ns + cut), (ns + cut, ne)] if cut else [(ns, ne)]
        for ps, pe in pieces:
            tokens.append(_make_token(len(tokens), norm, ps, pe, kind, len(sentences)))
        if kind == "punct":
            if _ends_sentence(text, m, prev_word):
                close_sentence()
        else:
            prev_word = tokens[-1].norm
    # Newlines end sentences too (headlines, datelines, list items).
    close_sentence()
    return _split_on_newlines(tokens, sentences, text)


def _split_on_newlines(
    tokens: list[Token], sentences: list[Sentence], text: str
) -> tuple[list[Token], list[Sentence]]:
    out: list[Sentence] = []
    for sent in sentences:
        start = sent.tok_start
        for i in range(sent.tok_start + 1, sent.tok_end):
            if "\n" in text[tokens[i - 1].nend : tokens[i].nstart]:
                out.append(_sentence(len(out), tokens, start, i))
                start = i
        out.append(_sentence(len(out), tokens, start, sent.tok_end))
    for sent in out:
        for tok in tokens[sent.tok_start : sent.tok_end]:
            tok.sentence = sent.index
    return tokens, out


def _sentence(index: int, tokens: list[Token], a: int, b: int) -> Sentence:
    return Sentence(index, tokens[a].start, tokens[b - 1].end, tokens[a].nstart, tokens[b - 1].nend, a, b)


class TokenizeStage:
    name = "tokenize"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("tokenize needs the normalize stage first")
        doc.tokens, doc.sentences = tokenize(doc.norm)
        return doc
