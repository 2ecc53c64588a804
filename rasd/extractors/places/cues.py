"""Context cue words (``places/cues.tsv``) and the ambiguity list (``places/ambiguous.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rasd.lang.ar import read_tsv
from rasd.lang.ar.vocabulary import split_variants
from rasd.tokenize.clitics import definite_article

CUES_FILE = "places/cues.tsv"
AMBIGUOUS_FILE = "places/ambiguous.tsv"
COUNTRIES_FILE = "places/countries.tsv"
NISBA_FILE = "places/nisba_suffixes.tsv"


@dataclass(slots=True, frozen=True)
class Cue:
    word: str
    role: str
    kinds: frozenset[str]
    relation: str | None
    precision: int | None


@dataclass(slots=True, frozen=True)
class Cues:
    single: dict[str, Cue]  # one-word cues by word
    double: dict[tuple[str, str], Cue]  # two-word cues (شمال شرق)
    ambiguous: dict[str, str]  # name -> need
    nisba: dict[str, str]  # nisba base -> ISO2
    nisba_suffixes: tuple[str, ...]
    nisba_forms: dict[str, str]  # every inflected adjective (ليبي، الليبيه، ليبيين…) -> ISO2
    street_or_district: frozenset[str]  # words that introduce a street or a neighbourhood
    clitics: dict[str, str]  # role (clitic_in, clitic_and, clitic_like) -> the proclitic letter

    def cue(self, forms: tuple[str, ...], role: str | None = None) -> Cue | None:
        for form in forms:
            found = self.single.get(form)
            if found is not None and (role is None or found.role == role):
                return found
        return None


@cache
def load_cues() -> Cues:
    single: dict[str, Cue] = {}
    double: dict[tuple[str, str], Cue] = {}
    suffixes: list[str] = [""]
    suffixes += [row["suffix"] for row in read_tsv(NISBA_FILE) if row["suffix"]]
    for row in read_tsv(CUES_FILE):
        kinds = frozenset(k for k in row["kinds"].split("|") if k)
        precision = int(row["precision"]) if row["precision"] else None
        for word in split_variants(row["ar"]):
            cue = Cue(word, row["role"], kinds, row["relation"] or None, precision)
            parts = word.split()
            if len(parts) == 2:
                double[(parts[0], parts[1])] = cue
            else:
                single.setdefault(word, cue)
    ambiguous = {row["ar"]: row["need"] for row in read_tsv(AMBIGUOUS_FILE)}
    nisba = {
        base: row["iso2"] for row in read_tsv(COUNTRIES_FILE) for base in split_variants(row["adj"])
    }
    nisba_forms = {
        article + base + suffix: iso2
        for base, iso2 in nisba.items() for suffix in suffixes for article in ("", definite_article())
    }
    street_or_district = frozenset(
        w for w, c in single.items() if c.role == "street" or (c.role == "type" and c.kinds == {"district"}))
    clitics = {c.role: w for w, c in single.items() if c.role.startswith("clitic_")}
    return Cues(single, double, ambiguous, nisba, tuple(suffixes), nisba_forms, street_or_district,
                clitics)


def nisba_country(forms: tuple[str, ...], cues: Cues) -> str | None:
    """ISO2 of a country adjective (ليبي، الليبيه، والسوريين…) among a token's forms."""
    for form in forms:
        iso2 = cues.nisba_forms.get(form)
        if iso2:
            return iso2
    return None
