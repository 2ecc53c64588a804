"""Recovering two words glued together by scraping (a lost space).

Three kinds of evidence, from strongest to weakest:

* a letter that is only ever written word-finally (ta marbuta, alef maqsura; see
  ``final_letters.tsv``) standing inside a token marks the lost space exactly. This needs the
  original text, since normalization folds those letters (see :func:`final_letter_cuts`);
* the two halves form a known phrase (a multi-word entry of any lexicon, e.g. a
  ``collocations.tsv`` row or a place or actor name);
* the two halves are both common content words of ``words.tsv``;
* a casualty verb or verbal noun (``casualties/triggers.tsv``) glued to a cardinal number word
  (``numbers/units.tsv``, ``tens.tsv``, ``hundreds.tsv``): "قتلخمسة" (the verb has three
  letters, too short for a content-word split).

A word is never split when it is itself known, or is a known word plus inflectional affixes
(``affixes.tsv``); short function words (``kind=function`` in ``words.tsv``) never count as a
piece, since strings like "these", "you" or "to him" hide inside many real words, and neither
do the names of other lexicons. A wrong split of a real word costs more than a missed split,
so every doubt (two possible cuts, a short piece) means no split.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from itertools import pairwise

from rasd.document import NormText
from rasd.lang.ar import data_path, read_tsv
from rasd.lang.ar.vocabulary import MATCH_COLUMN, known_words, split_variants
from rasd.tokenize.clitics import clitic_forms, definite_article

MIN_GLUED = 6  # letters in a word worth trying
MIN_PHRASE_PART = 2  # letters in each half of a known phrase
MIN_PART = 4  # letters in each half of a content-word split
MIN_STEM = 3  # letters after the article of a piece; letters of an inflected word's stem
MIN_FINAL_PART = 2  # letters on each side of a word-final letter standing inside a token
MAX_SUFFIXES = 2
MIN_COUNT_PART = 3  # letters in each half of a casualty word + number word split
COUNT_HEAD_PATTERNS = frozenset({"verb", "verbal", "strict"})  # triggers.tsv patterns a count follows
NUMBER_WORD_FILES = ("numbers/units.tsv", "numbers/tens.tsv", "numbers/hundreds.tsv")


@cache
def _words_by_kind() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for row in read_tsv("words.tsv"):
        kinds.setdefault(row.get("kind") or "content", set()).add(row[MATCH_COLUMN])
    return {kind: frozenset(words) for kind, words in kinds.items()}


def function_words() -> frozenset[str]:
    return _words_by_kind().get("function", frozenset())


def content_words() -> frozenset[str]:
    return _words_by_kind().get("content", frozenset())


@cache
def phrase_bigrams() -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of every multi-word ``ar`` variant in the language data."""
    root = data_path("")
    pairs: set[tuple[str, str]] = set()
    for path in sorted(root.rglob("*.tsv")):
        rows = read_tsv(str(path.relative_to(root)))
        if not rows or MATCH_COLUMN not in rows[0]:
            continue
        for row in rows:
            for variant in split_variants(row[MATCH_COLUMN]):
                words = variant.split()
                pairs.update(pairwise(words))
    return frozenset(pairs)


@cache
def _affixes(position: str) -> tuple[tuple[str, str], ...]:
    rows = [(r["affix"], r["restore"]) for r in read_tsv("affixes.tsv") if r["position"] == position]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _final_letters() -> tuple[tuple[str, frozenset[str]], ...]:
    def chars(spec: str) -> Iterable[str]:
        return (chr(int(cp[2:], 16)) for cp in spec.split())

    return tuple(
        (next(iter(chars(r["char"]))), frozenset(chars(r["not_before"])))
        for r in read_tsv("final_letters.tsv")
    )


def is_known(word: str, vocab: frozenset[str]) -> bool:
    """True when the word or one of its clitic-stripped forms is in ``vocab``."""
    return any(form in vocab for form, _ in clitic_forms(word))


def _strip_suffixes(word: str) -> set[str]:
    stems: set[str] = set()
    layer = {word}
    for _ in range(MAX_SUFFIXES):
        nxt: set[str] = set()
        for form in layer:
            for suffix, _ in _affixes("suffix"):
                stem = form[: -len(suffix)]
                if form.endswith(suffix) and len(stem) >= MIN_STEM:
                    nxt.add(stem)
                    nxt.update(
                        stem[: -len(end)] + restore
                        for end, restore in _affixes("stem_final")
                        if stem.endswith(end)
                    )
        stems |= nxt
        layer = nxt
    return stems


def is_inflected_known(word: str, vocab: frozenset[str]) -> bool:
    """True when ``word`` is a known word with clitics and inflectional affixes added."""
    bases = {form for form, _ in clitic_forms(word) if len(form) >= MIN_STEM}
    bases.update(
        form[len(prefix) :]
        for form in list(bases)
        for prefix, _ in _affixes("prefix")
        if form.startswith(prefix) and len(form) - len(prefix) >= MIN_STEM
    )
    for base in list(bases):
        bases |= _strip_suffixes(base)
    bases.discard(word)
    return not bases.isdisjoint(vocab)


def _is_word(piece: str, vocab: frozenset[str]) -> bool:
    """A known word as written, or a known word of 3+ letters behind clitics or affixes."""
    if piece in vocab:
        return True
    stripped = (form for form, _ in clitic_forms(piece)[1:] if len(form) >= MIN_STEM)
    return any(form in vocab for form in stripped) or is_inflected_known(piece, vocab)


def _is_piece(piece: str, pieces: frozenset[str], function: frozenset[str]) -> bool:
    if piece in function:
        return False
    article = definite_article()
    for form, prefix_len in clitic_forms(piece):
        if form not in pieces or form in function:
            continue
        has_article = form.startswith(article)
        stem = form[len(article) :] if has_article else form
        # A short bare stem behind a clitic is too easily a chance substring (ك + يري).
        if len(stem) >= MIN_STEM + (1 if prefix_len and not has_article else 0):
            return True
    return False


def _phrase_cuts(word: str, bigrams: frozenset[tuple[str, str]]) -> list[int]:
    cuts = []
    for k in range(MIN_PHRASE_PART, len(word) - MIN_PHRASE_PART + 1):
        head, tail = word[:k], word[k:]
        # A clitic may precede the phrase, but not in front of a short first word (ب + تل).
        heads = [form for form, plen in clitic_forms(head) if not plen or len(form) >= MIN_STEM]
        if any((form, tail) in bigrams for form in heads):
            cuts.append(k)
    return cuts


@cache
def count_heads() -> frozenset[str]:
    """One-word casualty verbs and verbal nouns whose count follows them ("قتل", "مقتل")."""
    return frozenset(
        variant
        for row in read_tsv("casualties/triggers.tsv")
        if row["pattern"] in COUNT_HEAD_PATTERNS
        for variant in split_variants(row[MATCH_COLUMN])
        if " " not in variant and len(variant) >= MIN_COUNT_PART
    )


@cache
def number_words() -> frozenset[str]:
    return frozenset(
        variant
        for name in NUMBER_WORD_FILES
        for row in read_tsv(name)
        for variant in split_variants(row[MATCH_COLUMN])
        if " " not in variant and len(variant) >= MIN_COUNT_PART
    )


def _count_cuts(word: str) -> list[int]:
    """"قتلخمسه" = "قتل" + "خمسه": a casualty word (maybe behind a clitic) and a number word."""
    heads, numbers = count_heads(), number_words()
    return [
        k
        for k in range(MIN_COUNT_PART, len(word) - MIN_COUNT_PART + 1)
        if word[k:] in numbers and any(form in heads for form, _ in clitic_forms(word[:k]))
    ]


def _content_cuts(word: str, pieces: frozenset[str]) -> list[int]:
    function = function_words()
    return [
        k
        for k in range(MIN_PART, len(word) - MIN_PART + 1)
        if _is_piece(word[:k], pieces, function) and _is_piece(word[k:], pieces, function)
    ]


def split_glued(
    word: str,
    vocab: frozenset[str] | None = None,
    *,
    pieces: frozenset[str] | None = None,
    bigrams: frozenset[tuple[str, str]] | None = None,
) -> int | None:
    """Index at which ``word`` splits into two words, or None when unclear.

    ``vocab``: words never split (default: every known word); ``pieces``: words a content
    split may produce (default: ``words.tsv`` content words, or ``vocab`` when only that is
    given); ``bigrams``: known adjacent word pairs (default: from multi-word lexicon entries).
    """
    if pieces is None:
        pieces = content_words() if vocab is None else vocab
    vocab = known_words() if vocab is None else vocab
    bigrams = phrase_bigrams() if bigrams is None else bigrams
    if len(word) < MIN_GLUED or is_known(word, vocab) or is_inflected_known(word, vocab):
        return None
    for cuts in (_phrase_cuts(word, bigrams), _content_cuts(word, pieces), _count_cuts(word)):
        if len(cuts) == 1:
            return cuts[0]
        if cuts:
            return None
    return None


def word_pieces(
    norm: NormText,
    nstart: int,
    nend: int,
    original: str | None = None,
    vocab: frozenset[str] | None = None,
    *,
    finals: Sequence[int] | None = None,
) -> list[tuple[int, int]]:
    """Normalized spans of the words the word token ``norm.text[nstart:nend]`` holds.

    One span unless the token is glued: first at word-final-only letters inside it (when the
    ``original`` text is given and one side of the cut is a known word), then each part by
    :func:`split_glued`. ``finals`` (sorted original offsets of word-final letters, see
    :func:`final_letter_positions`) saves searching the original once per token.
    """
    lo, hi = norm.offsets[nstart], norm.offsets[nend - 1]
    if original is None:
        has_final = False
    elif finals is not None:
        i = bisect_left(finals, lo)
        has_final = i < len(finals) and finals[i] < hi
    else:
        has_final = _final_letter_re().search(original, lo, hi) is not None
    if not has_final and nend - nstart < MIN_GLUED:
        return [(nstart, nend)]
    default_vocab = vocab is None
    vocab = known_words() if vocab is None else vocab
    cuts = []
    if has_final and original is not None:
        candidates = final_letter_cuts(original, norm.offsets, nstart, nend)
        bounds = [0, *candidates, nend - nstart]
        for i, cut in enumerate(candidates):
            left = norm.text[nstart + bounds[i] : nstart + cut]
            right = norm.text[nstart + cut : nstart + bounds[i + 2]]
            if _is_word(left, vocab) or _is_word(right, vocab):
                cuts.append(cut)
    pieces: list[tuple[int, int]] = []
    for ps, pe in pairwise([nstart, *(nstart + k for k in cuts), nend]):
        piece = norm.text[ps:pe]
        cut = _split_glued_default(piece) if default_vocab else split_glued(piece, vocab)
        if cut and _splits_one_character(norm, ps + cut):
            cut = None
        pieces.extend([(ps, ps + cut), (ps + cut, pe)] if cut else [(ps, pe)])
    return pieces


def _splits_one_character(norm: NormText, ncut: int) -> bool:
    """True when both sides of a cut come from one original character (a ligature)."""
    return norm.offsets[ncut - 1] == norm.offsets[ncut]


@lru_cache(maxsize=1 << 16)
def _split_glued_default(word: str) -> int | None:
    return split_glued(word)


def final_letter_positions(original: str) -> list[int]:
    """Sorted offsets in ``original`` of word-final-only letters (candidates for glue cuts)."""
    return [m.start() for m in _final_letter_re().finditer(original)]


@cache
def _final_letter_re() -> re.Pattern[str]:
    """Any word-final-only letter, or a presentation form of one."""
    letters = {letter for letter, _ in _final_letters()}
    variants = (chr(cp) for cp in range(0xFB50, 0xFEFF))
    chars = letters | {ch for ch in variants if _letter(ch) in letters}
    return re.compile("[" + "".join(sorted(chars)) + "]")


def final_letter_cuts(original: str, offsets: list[int], nstart: int, nend: int) -> list[int]:
    """Cuts (relative to ``nstart``) after a word-final-only letter standing inside a token.

    ``offsets`` maps normalized indices to ``original``: only the original text tells ta
    marbuta from ha and alef maqsura from ya, since normalization folds them.
    """
    cuts = []
    for k in range(MIN_FINAL_PART, nend - nstart - MIN_FINAL_PART + 1):
        here = _letter(original[offsets[nstart + k - 1]])
        after = _letter(original[offsets[nstart + k]])
        for letter, not_before in _final_letters():
            if here == letter and after != letter and after not in not_before:
                cuts.append(k)
    return cuts


@cache
def _letter(ch: str) -> str:
    """The base letter of a presentation form (other characters unchanged)."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch
