"""docs/cli.md documents every command exactly as its --help says (regenerate when it fails)."""

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "gen_cli_docs.py"


def _tool():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current(monkeypatch):
    tool = _tool()
    monkeypatch.setenv("COLUMNS", "100")
    expected = tool.render()
    assert tool.DOC.read_text(encoding="utf-8") == expected, "docs/cli.md is stale: run tools/gen_cli_docs.py"


def test_every_command_is_in_the_reference():
    text = (TOOL.parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("rasd extract", "rasd evaluate", "rasd gazetteer", "rasd ingest", "rasd batch", "rasd serve",
                    "rasd events", "rasd explain", "rasd refuse", "rasd db upgrade", "rasd db info"):
        assert f"## `{command}" in text
