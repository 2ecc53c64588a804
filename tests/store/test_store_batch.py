"""``rasd batch``: the ingest of a large input with every core, a progress line and an errors file."""

from __future__ import annotations

import gzip
import json
import re

from store_helpers import generated_articles, rasd, snapshot


def _archive(tmp_path, records, bad_lines=()):
    folder = tmp_path / "archive"
    (folder / "2020").mkdir(parents=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    for at, line in bad_lines:
        lines.insert(at, line)
    half = len(lines) // 2
    with gzip.open(folder / "2020" / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines[:half]) + "\n")
    (folder / "2020" / "b.jsonl").write_text("\n".join(lines[half:]) + "\n", encoding="utf-8")
    return folder


def test_batch_reports_progress_skips_bad_items_and_matches_a_one_process_ingest(tmp_path):
    records = generated_articles(24, copies_every=6)
    folder = _archive(tmp_path, records, bad_lines=[(3, "{not json"), (10, '{"text": 5}')])
    errors = tmp_path / "errors.jsonl"
    url = f"sqlite:///{tmp_path / 'batch.db'}"
    result = rasd("batch", str(folder), "--db", url, "--workers", "2", "--progress", "--errors", str(errors))
    assert result.returncode == 1, result.stderr  # items were skipped
    assert "\nrasd: skipped " in result.stderr.replace("\r", "\n")
    assert result.stdout.startswith("rasd batch: 30 article(s): 24 new, 4 copies of other articles, 0 unchanged")
    final = result.stderr.replace("\r", "\n").splitlines()
    line = next(x for x in reversed(final) if x.startswith("rasd batch: 28 article(s)"))
    assert re.search(r"100% of the input, [\d,]+/s, in \d+:\d\d, 4 copies, \d+ event\(s\), 2 skipped$", line), line
    assert [json.loads(x)["kind"] for x in errors.read_text(encoding="utf-8").splitlines()] == ["skipped", "skipped"]
    one = f"sqlite:///{tmp_path / 'one.db'}"
    assert rasd("ingest", str(folder), "--db", one).returncode == 1
    runs = {"ingest_runs"}
    assert {k: v for k, v in snapshot(url, stamps=False).items() if k not in runs} == \
        {k: v for k, v in snapshot(one, stamps=False).items() if k not in runs}
    again = rasd("batch", str(folder), "--db", url, "--no-progress")
    assert again.returncode == 1 and "0 new, 0 copies of other articles, 28 unchanged" in again.stdout


def test_batch_defaults_to_every_core():
    from rasd.cli import build_parser
    from rasd.store.cli import default_workers

    args = build_parser().parse_args(["batch", "x.jsonl"])
    assert args.workers == default_workers() and args.command == "batch"
    shown = rasd("batch", "--help")
    assert "extract in N processes (default one per CPU core)" in " ".join(shown.stdout.split())
