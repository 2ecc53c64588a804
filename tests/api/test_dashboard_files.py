"""The dashboard's files: served by the app, shipped with the package, nothing from elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from rasd.api.app import STATIC, content_policy, create_app

VENDORED = {"leaflet": ["leaflet.js", "leaflet.css", "LICENSE", "images/marker-icon.png"],
            "topojson-client": ["topojson-client.min.js", "LICENSE"],
            "world-atlas": ["countries-50m.json", "LICENSE"]}


def test_vendored_libraries_and_map_data_ship_with_their_licences():
    versions = json.loads((STATIC / "vendor" / "VERSIONS.json").read_text())
    assert versions == {"leaflet": "1.9.4", "topojson-client": "3.1.0", "world-atlas": "2.0.2"}
    for name, files in VENDORED.items():
        for file in files:
            assert (STATIC / "vendor" / name / file).is_file(), f"{name}/{file}"
    tool = (Path(__file__).resolve().parents[2] / "tools" / "vendor_dashboard.sh").read_text()
    pins = {"leaflet": "LEAFLET", "topojson-client": "TOPOJSON", "world-atlas": "ATLAS"}
    for name, version in versions.items():
        assert f"{pins[name]}={version}" in tool, name


def test_the_page_loads_nothing_from_elsewhere(tmp_path):
    for page in ("index.html", "app.js", "app.css"):
        text = (STATIC / page).read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"https?://", text), page
        assert not re.search(r"""fetch\(\s*["'`]https?://""", text), page
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", text), page
    with TestClient(create_app(f"sqlite:///{tmp_path / 'x.db'}")) as client:
        page = client.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        policy = page.headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "http" not in policy
        assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
        assert client.get("/api/v1/config").json()["tiles"] is None
        assert client.get("/static/../rasd/api/app.py").status_code == 404


def test_a_configured_tile_server_is_the_only_other_origin():
    policy = content_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in policy
    assert "connect-src 'self'" in policy


def test_the_interface_strings_exist_in_both_languages():
    strings = json.loads((STATIC / "i18n.json").read_text(encoding="utf-8"))
    assert set(strings["en"]) == set(strings["ar"])
    used = set(re.findall(r"""\bt\("([a-z_0-9]+)"\)""", (STATIC / "app.js").read_text(encoding="utf-8")))
    used |= set(re.findall(r'data-i18n="([a-z_]+)"', (STATIC / "index.html").read_text(encoding="utf-8")))
    assert used <= set(strings["en"]), used - set(strings["en"])
