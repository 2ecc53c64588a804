"""Tokenizer and sentence splitter working on ``Document.norm``.

Tokens and sentences carry both normalized and original offsets. Words glued together by
scraping (the space between two words lost) are split when the split is clear; see
``rasd.tokenize.glued``. A sentence ends at . ! ? ؟ (with any closing quotes or marks written
right after it) and at a newline; never at an initial or abbreviation (د. / أ.ف.ب), inside a
number (3.5, 15.5.2015), or at the clause marks ، and ؛.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rasd.document import Document, NormText, Sentence, Token
from rasd.lang.ar import read_tsv
from rasd.tokenize.clitics import clitic_forms
from rasd.tokenize.glued import final_letter_positions, word_pieces
from rasd.tokenize.glued import split_glued as split_glued  # re-exported (public API)

_TOKEN = re.compile(
    r"(?P<number>[0-9]+(?:[.,][0-9]+)*)"
    r"|(?P<word>[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff]+)"
    r"|(?P<latin>[a-z\u00c0-\u024f]+)"
    r"|(?P<punct>[^\s#_])"  # hashtags (#خان_يونس) read as their words: # and _ separate like spaces
)
_SENT_END = frozenset(".!?؟\n")
_CLOSERS = frozenset("\"')]")
_TRAILING = (_SENT_END | _CLOSERS) - {"\n"}
_TATWEEL = "\u0640"
# The longest sentence of the 20,227 development articles has 454 tokens (99.99% have under 180).
# Longer runs (text without punctuation, crafted lists) are cut so that no stage's work within a
# sentence can grow with the size of the input; the cut prefers a clause mark near the limit.
MAX_SENTENCE_TOKENS = 500
_CLAUSE_MARKS = frozenset("،؛;,:")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbr"] for r in read_tsv("abbreviations.tsv"))


def _make_token(
    index: int, norm: NormText, ns: int, ne: int, kind: str, sent: int, original: str | None = None
) -> Token:
    start, end = norm.to_orig(ns, ne)
    if original is not None and kind == "word":
        end = _past_trailing_marks(original, end, norm.offsets[ne])
    surface = norm.text[ns:ne]
    forms = tuple(f for f, _ in clitic_forms(surface)) if kind == "word" else (surface,)
    return Token(index, start, end, ns, ne, surface, kind, sent, forms)


def _past_trailing_marks(original: str, end: int, limit: int) -> int:
    """Extend a word's end over the marks written on its last letter (قُتِلَ, not قُتِل).

    Only characters normalization deleted (before ``limit``, the next kept character) that
    are combining marks or tatweel; invisible bidi/zero-width characters stay outside.
    """
    while end < limit and (unicodedata.category(original[end]) == "Mn" or original[end] == _TATWEEL):
        end += 1
    return end


def _ends_sentence(norm: str, m: re.Match[str], prev_word: str | None) -> bool:
    ch = m.group()
    if ch not in _SENT_END:
        return False
    # A period after a single letter or a listed abbreviation marks an initial (د. / أ.ف.ب).
    if ch == "." and prev_word is not None and (len(prev_word) == 1 or prev_word in _abbreviations()):
        return False
    nxt = m.end()
    while nxt < len(norm) and norm[nxt] in _CLOSERS:
        nxt += 1
    # A period directly followed by a digit is a decimal or a date, not a sentence end.
    return not (ch == "." and nxt < len(norm) and norm[nxt].isdigit())


def tokenize(
    norm: NormText, original: str | None = None, cuts: list[int] | None = None
) -> tuple[list[Token], list[Sentence]]:
    """Tokens and sentences of a normalized text.

    ``original`` (the text ``norm`` was made from) lets glued words be split where a
    word-final-only letter stands inside a token; without it only dictionary splits apply.
    ``cuts`` receives the index of each sentence ended by the length cap, not by the text.
    """
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    sent_tok_start = 0
    prev_word: str | None = None
    text = norm.text
    finals = final_letter_positions(original) if original is not None else None

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

    # After a sentence-final mark, closing quotes/brackets and further marks written right
    # against it (no space) still belong to the sentence it ends: «...قتلى.» / ؟!
    pending_end = False
    last_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        ns, ne = m.span()
        if pending_end and not (kind == "punct" and ns == last_end and m.group() in _TRAILING):
            close_sentence()
            pending_end = False
        pieces = word_pieces(norm, ns, ne, original, finals=finals) if kind == "word" else [(ns, ne)]
        for ps, pe in pieces:
            tokens.append(_make_token(len(tokens), norm, ps, pe, kind, len(sentences), original))
        if kind == "punct":
            pending_end = pending_end or _ends_sentence(text, m, prev_word)
        else:
            prev_word = tokens[-1].norm if kind in ("word", "latin") else None
        last_end = ne
    # Newlines end sentences too (headlines, datelines, list items).
    close_sentence()
    return _split_on_newlines(tokens, sentences, text, cuts if cuts is not None else [])


def _split_on_newlines(
    tokens: list[Token], sentences: list[Sentence], text: str, cuts: list[int]
) -> tuple[list[Token], list[Sentence]]:
    out: list[Sentence] = []
    for sent in sentences:
        start = sent.tok_start
        for i in range(sent.tok_start + 1, sent.tok_end):
            if "\n" in text[tokens[i - 1].nend : tokens[i].nstart]:
                _append_capped(out, tokens, start, i, cuts)
                start = i
        _append_capped(out, tokens, start, sent.tok_end, cuts)
    for sent in out:
        for tok in tokens[sent.tok_start : sent.tok_end]:
            tok.sentence = sent.index
    return tokens, out


def _append_capped(out: list[Sentence], tokens: list[Token], a: int, b: int, cuts: list[int]) -> None:
    """Append tokens ``[a, b)`` as one sentence, or as several of at most MAX_SENTENCE_TOKENS."""
    while b - a > MAX_SENTENCE_TOKENS:
        cuts.append(len(out))
        cut = a + MAX_SENTENCE_TOKENS
        for i in range(cut - 1, a + MAX_SENTENCE_TOKENS // 2, -1):
            if tokens[i].kind == "punct" and tokens[i].norm in _CLAUSE_MARKS:
                cut = i + 1
                break
        out.append(_sentence(len(out), tokens, a, cut))
        a = cut
    out.append(_sentence(len(out), tokens, a, b))



def _sentence(index: int, tokens: list[Token], a: int, b: int) -> Sentence:
    return Sentence(index, tokens[a].start, tokens[b - 1].end, tokens[a].nstart, tokens[b - 1].nend, a, b)


class TokenizeStage:
    name = "tokenize"
    version = "2"

    def __call__(self, doc: Document) -> Document:
        if doc.norm is None:
            raise RuntimeError("tokenize needs the normalize stage first")
        cuts: list[int] = []
        read = doc.norm.offsets[-1]  # normalization may have read only the beginning of a huge text
        doc.tokens, doc.sentences = tokenize(doc.norm, doc.text if read == len(doc.text) else doc.text[:read], cuts)
        if cuts:
            first = doc.sentences[cuts[0]]
            doc.warnings.append(
                f"{len(cuts)} run(s) of more than {MAX_SENTENCE_TOKENS} tokens without a sentence end "
                f"(first ending at character {first.end}) were cut into sentences of at most "
                f"{MAX_SENTENCE_TOKENS} tokens")
        return doc
