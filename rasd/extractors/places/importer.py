"""Extend the gazetteer from full GeoNames dumps (allCountries.txt or a country file such as
LY.txt, plus optionally alternateNamesV2.txt), so that every village with an Arabic name is found.

Only populated places (feature class P) are kept. Those with at least one Arabic name (names in
the ``ar`` language from the alternate-names file, or Arabic-script names in the dump's own
alternatenames column) are written in the embedded gazetteer's format to the user gazetteer
folder, where ``load_gazetteer`` merges them. Those without one go, with their Latin skeleton,
to ``<name>.latin.gz`` next to it, for the transliteration lookup (``translit.py``).
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rasd.extractors.places.gazetteer import COLUMNS, user_gazetteer_dir
from rasd.extractors.places.translit import LATIN_COLUMNS, USER_LATIN_SUFFIX, latin_skeleton
from rasd.normalize import normalize_phrase

ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
GEONAMES_FIELDS = 19
ALTERNATE_FIELDS = 4
POPULATED = "P"


def _open_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower())
            with zf.open(member) as fh:
                yield from io.TextIOWrapper(fh, encoding="utf-8")
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


def _arabic(name: str) -> str | None:
    norm = normalize_phrase(name)
    return norm if len(norm.replace(" ", "")) >= 2 and ARABIC_NAME.match(norm) else None


def read_alternate_names(path: Path, language: str = "ar") -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    for line in _open_lines(path):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < ALTERNATE_FIELDS or cells[2] != language:
            continue
        norm = _arabic(cells[3])
        if norm and norm not in names[cells[1]]:
            names[cells[1]].append(norm)
    return names


def import_geonames(
    dump: Path,
    alternate_names: Path | None = None,
    *,
    countries: set[str] | None = None,
    min_population: int = 0,
    out_name: str | None = None,
) -> tuple[Path, int]:
    """Write an extension file from a GeoNames dump; returns (path, places written)."""
    extra = read_alternate_names(alternate_names) if alternate_names else {}
    rows: list[str] = []
    latin: list[str] = []
    for lineno, line in enumerate(_open_lines(dump), 1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) < GEONAMES_FIELDS:
            raise ValueError(f"{dump}:{lineno}: {len(cells)} fields, a GeoNames dump row has {GEONAMES_FIELDS}")
        gid, name, _, alternates, lat, lon, fclass, _, iso2, _, admin1 = cells[:11]
        population = int(cells[14] or 0)
        if fclass != POPULATED or population < min_population:
            continue
        if countries and iso2 not in countries:
            continue
        names = list(extra.get(gid, []))
        for alt in alternates.split(","):
            norm = _arabic(alt) if alt else None
            if norm and norm not in names:
                names.append(norm)
        float(lat), float(lon)  # validate
        if not names:
            latin.append("\t".join([gid, name, iso2, admin1, lat, lon, str(population), latin_skeleton(name)]))
            continue
        rows.append("\t".join([gid, "city", "|".join(names), name, iso2, admin1, lat, lon,
                               str(population), "", "geonames-import"]))
    folder = user_gazetteer_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{out_name or dump.name.split('.')[0]}.tsv.gz"
    text = "# Imported by `rasd gazetteer import` from GeoNames (geonames.org), CC BY 4.0.\n"
    text += "\t".join(COLUMNS) + "\n" + "".join(r + "\n" for r in rows)
    target.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    if latin:
        text = "# Imported by `rasd gazetteer import` from GeoNames (geonames.org), CC BY 4.0.\n"
        text += "\t".join(LATIN_COLUMNS) + "\n" + "".join(r + "\n" for r in latin)
        (folder / f"{target.name.removesuffix('.tsv.gz')}{USER_LATIN_SUFFIX}").write_bytes(
            gzip.compress(text.encode("utf-8"), mtime=0))
    return target, len(rows)
