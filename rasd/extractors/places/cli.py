"""``rasd gazetteer``: import GeoNames dumps into the user gazetteer, look names up."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gazetteer", help="manage and query the Arabic gazetteer")
    sub = parser.add_subparsers(dest="gazetteer_command", metavar="COMMAND")
    parser.set_defaults(handler=lambda args: _usage(parser))

    imp = sub.add_parser("import", help="add places from a GeoNames dump (allCountries.txt, LY.txt, .zip)")
    imp.add_argument("dump", type=Path, help="GeoNames geoname table (txt, zip or gz)")
    imp.add_argument("--alternate-names", type=Path, help="alternateNamesV2.txt (Arabic names)")
    imp.add_argument("--countries", help="comma-separated ISO2 codes to keep (default: all)")
    imp.add_argument("--min-population", type=int, default=0)
    imp.add_argument("--name", help="name of the extension file (default: the dump's name)")
    imp.set_defaults(handler=cmd_import)

    look = sub.add_parser("lookup", help="places with this Arabic name")
    look.add_argument("name", help="an Arabic place name (any spelling; normalized first)")
    look.set_defaults(handler=cmd_lookup)

    info = sub.add_parser("info", help="gazetteer size, files and user folder")
    info.set_defaults(handler=cmd_info)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def cmd_import(args: argparse.Namespace) -> int:
    from rasd.extractors.places.importer import import_geonames

    for path in (args.dump, args.alternate_names):
        if path is not None and not path.is_file():
            print(f"rasd gazetteer import: no such file: {path}", file=sys.stderr)
            return 2
    countries = {c.strip().upper() for c in args.countries.split(",")} if args.countries else None
    try:
        target, count = import_geonames(
            args.dump, args.alternate_names, countries=countries,
            min_population=args.min_population, out_name=args.name,
        )
    except ValueError as exc:
        print(f"rasd gazetteer import: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"rasd gazetteer import: {exc}", file=sys.stderr)
        return 1
    print(f"imported {count} places with Arabic names into {target}")
    return 0


def cmd_lookup(args: argparse.Namespace) -> int:
    from rasd.extractors.places.gazetteer import countries, load_gazetteer
    from rasd.normalize import normalize_phrase

    name = normalize_phrase(args.name)
    if not name:
        print("rasd gazetteer lookup: empty name", file=sys.stderr)
        return 2
    gaz = load_gazetteer()
    places = sorted(gaz.lookup(name), key=lambda p: -p.population)
    for p in places:
        country = countries().get(p.iso2)
        print(json.dumps({
            "name": p.name, "geonameid": p.geonameid, "kind": p.kind, "iso2": p.iso2,
            "country": country.name if country else None,
            "admin1": gaz.admin1_names.get((p.iso2, p.admin1)), "latitude": round(p.lat, 4),
            "longitude": round(p.lon, 4), "population": p.population, "source": p.source,
        }, ensure_ascii=False))
    if not places:
        print(f"no place named {args.name!r} in the gazetteer", file=sys.stderr)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from rasd.extractors.places.gazetteer import load_gazetteer, user_files, user_gazetteer_dir

    gaz = load_gazetteer()
    print(json.dumps({"places": len(gaz.places), "names": len(gaz.names),
                      "user_dir": str(user_gazetteer_dir()),
                      "user_files": [str(p) for p in user_files()]}, ensure_ascii=False))
    return 0
