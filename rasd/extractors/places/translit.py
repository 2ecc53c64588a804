"""Transliteration lookup: Arabic spellings of places GeoNames only knows in Latin script.

Many villages and districts of the conflict zones (Darfur, the Sahel, Afghan districts, Somalia)
have no Arabic name in GeoNames. After a place cue (بلدة X، مديرية X) a name the Arabic gazetteer
does not know is compared, by consonant skeleton, with the Latin names of the places of the
article's focus country that have no Arabic name (``places/latin_places.tsv.gz``, written by
``tools/build_gazetteer.py``). Both sides are reduced to consonant classes (``places/
transliteration.tsv`` for Arabic; French and English spelling rules below for Latin), articles
(al-, ash-, ال) and vowels dropped, doubled consonants merged. A match must be unique in the
country (or dominate its namesakes by population).
"""

from __future__ import annotations

import gzip
import itertools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from sys import intern

from rasd.extractors.places.gazetteer import Place, user_gazetteer_dir
from rasd.lang.ar import data_path, iter_tsv, read_tsv
from rasd.tokenize.clitics import definite_article

LATIN_FILE = "places/latin_places.tsv.gz"
LETTERS_FILE = "places/transliteration.tsv"
CUES_FILE = "places/translit_cues.tsv"
SOURCE = "geonames-latin"
LATIN_COLUMNS = ("id", "name", "iso2", "admin1", "lat", "lon", "population", "skeleton")
# The shipped file adds each row's kind ("city", or "admin2" for a district); user files may omit it.
LATIN_KIND_COLUMNS = (*LATIN_COLUMNS, "kind")
USER_LATIN_SUFFIX = ".latin.gz"  # written by `rasd gazetteer import` into the user gazetteer folder
MIN_SKELETON = 3  # two consonants match far too many names
MAX_VARIANTS = 16
DOMINANCE = 10  # a namesake this many times bigger than every other one is the place meant
LATIN_ARTICLES = frozenset({"al", "el", "ad", "ed", "ash", "esh", "as", "es", "ar", "er", "at", "et", "az",
                            "ez", "an", "en", "adh", "ath", "ud", "ul", "ush", "us", "ur", "ut", "un"})
# Longest first: digraphs before single letters. Values are consonant classes ("" = dropped).
LATIN_RULES: tuple[tuple[str, str], ...] = (
    ("tch", "C"), ("dj", "J"), ("kh", "X"), ("gh", "G"), ("sh", "C"), ("ch", "C"), ("th", "T"),
    ("dh", "D"), ("ph", "F"), ("ck", "K"), ("q", "K"), ("k", "K"), ("c", "K"), ("p", "B"), ("b", "B"),
    ("v", "F"), ("f", "F"), ("x", "KS"), ("j", "J"), ("g", "G"), ("z", "Z"), ("s", "S"), ("t", "T"),
    ("d", "D"), ("r", "R"), ("l", "L"), ("m", "M"), ("n", "N"),
)
LATIN_WORD = re.compile(r"[a-z]+")


# Vowels: Arabic writes long vowels (ا و ي) only; Latin writes all. Lowercase = a short vowel a
# Latin spelling may write without Arabic; uppercase = long (ou, ee, a mid-word y or w), which the
# Arabic spelling must show.
LATIN_VOWELS: tuple[tuple[str, str], ...] = (
    ("ou", "U"), ("oo", "U"), ("ee", "I"), ("ii", "I"), ("aa", "A"), ("y", "I"), ("w", "U"),
    ("a", "a"), ("e", "e"), ("i", "i"), ("o", "u"), ("u", "u"),
)
VOWEL_FITS = {"A": frozenset("aA"), "I": frozenset("iIe"), "U": frozenset("uU"), "*": frozenset("aeiuAIUh")}


@dataclass(slots=True, frozen=True)
class Letters:
    inner: dict[str, tuple[str, ...]]
    initial: dict[str, tuple[str, ...]]
    vowels: dict[str, str]  # long vowel letters -> A / I / U
    cue_words: frozenset[str]


@dataclass(slots=True, frozen=True)
class Spelling:
    """Consonants (options per slot) and the vowels in each gap: before, between, after them."""

    consonants: tuple[tuple[str, ...], ...]
    gaps: tuple[str, ...]


@cache
def load_letters() -> Letters:
    inner: dict[str, tuple[str, ...]] = {}
    initial: dict[str, tuple[str, ...]] = {}
    vowels: dict[str, str] = {}
    for row in read_tsv(LETTERS_FILE):
        options = tuple(row["latin"].split("|")) if row["latin"] else ("",)
        inner[row["ar"]] = options
        initial[row["ar"]] = tuple(row["initial"].split("|")) if row["initial"] else options
        if row.get("vowel"):
            vowels[row["ar"]] = row["vowel"]
    cue_words = frozenset(w for row in read_tsv(CUES_FILE) for w in row["ar"].split("|") if w)
    return Letters(inner, initial, vowels, cue_words)


def _spelling(consonants: list[tuple[str, ...]], gaps: list[str]) -> Spelling:
    return Spelling(tuple(consonants), tuple(gaps))


def _push(consonants: list[tuple[str, ...]], gaps: list[str], options: tuple[str, ...]) -> None:
    """Add a consonant; the same one again with no vowel between is one (shadda, "ss")."""
    if consonants and not gaps[-1] and consonants[-1] == options:
        return
    consonants.append(options)
    gaps.append("")


def latin_spelling(name: str) -> Spelling:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    consonants: list[tuple[str, ...]] = []
    gaps = [""]
    for word in LATIN_WORD.findall(text):
        if word in LATIN_ARTICLES:
            continue
        k = 0
        if word.startswith("ou") and len(word) > 2 and word[2] in "aei":
            _push(consonants, gaps, ("W",))  # French: Ouallam, Ouahigouya
            k = 2
        elif word[0] in "wy":
            _push(consonants, gaps, (word[0].upper(),))
            k = 1
        elif word[0] == "h":
            gaps[-1] += "h"
            k = 1
        while k < len(word):
            rule = next(((lat, cls) for lat, cls in LATIN_RULES if word.startswith(lat, k)), None)
            if rule is not None:
                for cls in rule[1]:
                    _push(consonants, gaps, (cls,))
                k += len(rule[0])
                continue
            vowel = next(((lat, cls) for lat, cls in LATIN_VOWELS if word.startswith(lat, k)), None)
            if vowel is not None:
                gaps[-1] += vowel[1]
                k += len(vowel[0])
            else:
                k += 1  # h inside a word
    return _spelling(consonants, gaps)


def arabic_spelling(phrase: str) -> Spelling | None:
    letters = load_letters()
    article = definite_article()
    consonants: list[tuple[str, ...]] = []
    gaps = [""]
    for word in phrase.split():
        if word.startswith(article) and len(word) > len(article) + 1:
            word = word[len(article):]
        for k, ch in enumerate(word):
            options = (letters.initial if k == 0 else letters.inner).get(ch)
            if options is None:
                return None
            if options != ("",):
                _push(consonants, gaps, options)
            elif k == 0:
                gaps[-1] += "*"  # ا، ع، ح at the start: the Latin name starts with a vowel or h
            elif ch in letters.vowels:
                gaps[-1] += letters.vowels[ch]
    return _spelling(consonants, gaps)


def _gap_fits(arabic: str, latin: str, first: bool) -> bool:
    if first and bool(arabic) != bool(latin):
        return False  # أكثر is not Caesarea; سبين is not Ispin
    k = 0
    for need in arabic:
        fits = VOWEL_FITS[need]
        while k < len(latin) and latin[k] not in fits:
            k += 1
        if k == len(latin):
            return False
        k += 1
    long_latin = sum(1 for v in latin if v.isupper())
    return long_latin <= len(arabic)  # "Nasiriyah" needs the ي of نصيريه


def spellings_fit(arabic: Spelling, latin: Spelling) -> bool:
    """Same consonants in order, and the Arabic long vowels where the Latin name has vowels."""
    if len(arabic.consonants) != len(latin.consonants):
        return False
    if any(lat[0] not in ar for ar, lat in zip(arabic.consonants, latin.consonants, strict=True)):
        return False
    return all(_gap_fits(a, lat, k == 0) for k, (a, lat) in enumerate(zip(arabic.gaps, latin.gaps, strict=True)))


def latin_skeleton(name: str) -> str:
    """The index key: the consonant classes of a Latin name."""
    return "".join(c[0] for c in latin_spelling(name).consonants)


def arabic_skeletons(phrase: str) -> list[str]:
    """Index keys of a normalized Arabic phrase (one per reading of ق، ج، ث…)."""
    spelling = arabic_spelling(phrase)
    if spelling is None:
        return []
    out: list[str] = []
    for combo in itertools.islice(itertools.product(*spelling.consonants), MAX_VARIANTS):
        skeleton = "".join(combo)
        if skeleton not in out:
            out.append(skeleton)
    return out


def _latin_definite(name: str) -> bool:
    """"Ad Dujayl", "Al-Badrashayn": the name starts with the Arabic article."""
    words = LATIN_WORD.findall(name.lower())
    return len(words) > 1 and words[0] in LATIN_ARTICLES


@cache
def latin_places() -> dict[str, tuple[tuple[str, Place], ...]]:
    """Latin-only GeoNames places by country, with their skeletons (read on first use).

    The skeleton is computed by the builder with ``latin_skeleton``; a test checks it is current.
    """
    by_country: dict[str, list[tuple[str, Place]]] = defaultdict(list)
    seen: set[str] = set()
    folder = user_gazetteer_dir()
    user = sorted(folder.glob("*" + USER_LATIN_SUFFIX)) if folder.is_dir() else []
    for path in [data_path(LATIN_FILE), *user]:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            _read_latin(fh, by_country, seen)
    return {iso2: tuple(places) for iso2, places in by_country.items()}


def _read_latin(lines, by_country: dict[str, list[tuple[str, Place]]], seen: set[str]) -> None:
    for row in iter_tsv(lines, "Latin places file"):
        if tuple(row) not in (LATIN_COLUMNS, LATIN_KIND_COLUMNS):
            raise ValueError(f"Latin places file: header {list(row)} != {list(LATIN_KIND_COLUMNS)}")
        pid, iso2 = row["id"], row["iso2"]
        if pid in seen:
            continue
        seen.add(pid)
        place = Place(pid, intern(row.get("kind") or "city"), (), row["name"], intern(iso2), intern(row["admin1"]),
                      float(row["lat"]), float(row["lon"]), int(row["population"] or 0), "", SOURCE)
        by_country[iso2].append((row["skeleton"], place))


@cache
def country_index(iso2: str) -> dict[str, tuple[Place, ...]]:
    """Latin skeleton -> places of one country, built the first time the country is needed."""
    index: dict[str, list[Place]] = defaultdict(list)
    for skeleton, place in latin_places().get(iso2, ()):
        if len(skeleton) >= MIN_SKELETON:
            index[skeleton].append(place)
    return {k: tuple(v) for k, v in index.items()}


def lookup(phrase: str, iso2: str, admin1: str | None = None) -> Place | None:
    """The one Latin-only place of ``iso2`` (and of its division ``admin1`` when given) whose
    skeleton equals the phrase's, if any."""
    skeletons = arabic_skeletons(phrase)
    arabic = arabic_spelling(phrase)
    if not skeletons or arabic is None:
        return None
    if len(max(skeletons, key=len)) < MIN_SKELETON:
        return None
    index = country_index(iso2)
    long_vowel = any(v in "AIU" for gap in arabic.gaps for v in gap)
    definite = phrase.startswith(definite_article())
    found = {p.id: p for s in skeletons for p in index.get(s, ()) if spellings_fit(arabic, latin_spelling(p.name))
             and (long_vowel or definite == _latin_definite(p.name)) and admin1 in (None, p.admin1)}
    if not found:
        return None
    ranked = sorted(found.values(), key=lambda p: -p.population)
    if len(ranked) == 1 or ranked[0].population >= DOMINANCE * max(ranked[1].population, 1):
        return ranked[0]
    return None
