"""Fusion blocks: the countries whose reports fusion compares (data: ``country_blocks.tsv``).

A country is a block of its own unless the table puts it in a larger one.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

BLOCKS_FILE = "country_blocks.tsv"


@cache
def _blocks() -> dict[str, tuple[str, ...]]:
    """block name -> its countries (sorted)."""
    table: dict[str, tuple[str, ...]] = {}
    text = files("rasd.fusion").joinpath(BLOCKS_FILE).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise ValueError(f"{BLOCKS_FILE}:{number}: expected block, countries, why (tab-separated)")
        countries = tuple(sorted(c.strip() for c in cells[1].split("|") if c.strip()))
        if len(countries) < 2:
            raise ValueError(f"{BLOCKS_FILE}:{number}: a block joins two countries or more")
        table[cells[0].strip()] = countries
    return table


@cache
def _block_of_country() -> dict[str, str]:
    found: dict[str, str] = {}
    for block, countries in _blocks().items():
        for country in countries:
            if country in found:
                raise ValueError(f"{BLOCKS_FILE}: {country} is in two blocks ({found[country]}, {block})")
            found[country] = block
    return found


def block_of(country: str | None) -> str | None:
    """The block a country's reports are fused in (the country itself unless the table says)."""
    if not country:
        return None
    return _block_of_country().get(country, country)


def countries_of(block: str) -> tuple[str, ...]:
    """The countries of a block (a country's own block holds just itself)."""
    return _blocks().get(block, (block,))
