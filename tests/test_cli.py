import json

import pytest

from rasd.cli import build_parser, main

ARTICLE = "قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة وسط مدينة الموصل أمس."


@pytest.fixture
def article_file(tmp_path):
    f = tmp_path / "article.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    return f


def test_extract_prints_the_output_contract(article_file, capsys):
    assert main(["extract", str(article_file), "--published", "2020-02-03", "--source", "Test"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) >= {"article", "events", "mentions", "pipeline"}
    assert doc["article"]["published"] == "2020-02-03"
    assert doc["article"]["source"] == "Test"
    assert doc["article"]["language"] == "ar"
    assert doc["article"]["chars"] == len(ARTICLE)
    assert "normalize" in doc["pipeline"]["stages"]


def test_extract_jsonl_gives_one_line_per_article_and_reports_bad_lines(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    good = json.dumps({"id": "x", "text": ARTICLE}, ensure_ascii=False)
    f.write_text(f"{good}\n{{oops\n{good}\n", encoding="utf-8")
    assert main(["extract", str(f)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert len(lines) == 2
    assert all(json.loads(line)["article"]["id"] == "x" for line in lines)
    assert f"{f}:2" in captured.err and "1 skipped" in captured.err


def test_extract_table_format(article_file, capsys):
    assert main(["extract", str(article_file), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "chars" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty article"), (b"\x00\x01\x02" * 100, "binary"), (b"plain English text only", "not Arabic")],
)
def test_bad_input_exits_2_with_the_file_named(tmp_path, capsys, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    assert main(["extract", str(f)]) == 2
    err = capsys.readouterr().err
    assert str(f) in err and message in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["extract", "x", "--format", "xml"])
    assert exc.value.code == 2


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "extract" in capsys.readouterr().err


def _subcommands(parser):
    for action in parser._actions:
        if action.__class__.__name__ == "_SubParsersAction":
            yield from action.choices.items()


def test_every_command_has_help(capsys):
    parser = build_parser()
    names = []
    for name, sub in _subcommands(parser):
        names.append(name)
        with pytest.raises(SystemExit) as exc:
            sub.parse_args(["--help"])
        assert exc.value.code == 0
        assert sub.format_help().strip()
    assert "extract" in names


def test_runtime_error_exits_1(article_file, monkeypatch, capsys):
    import rasd.pipeline

    def boom(*_a, **_k):
        raise RuntimeError("stage failed")

    monkeypatch.setattr(rasd.pipeline, "extract_article", boom)
    assert main(["extract", str(article_file)]) == 1
    assert "stage failed" in capsys.readouterr().err


def test_a_failing_article_in_a_batch_is_reported_and_the_rest_processed(tmp_path, monkeypatch, capsys):
    import rasd.pipeline

    real = rasd.pipeline.extract_article

    def flaky(article, *a, **k):
        if article.meta.id == "bad":
            raise ValueError("broken stage")
        return real(article, *a, **k)

    monkeypatch.setattr(rasd.pipeline, "extract_article", flaky)
    f = tmp_path / "in.jsonl"
    rows = [{"id": i, "text": ARTICLE} for i in ("a", "bad", "c")]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert main(["extract", str(f)]) == 1
    captured = capsys.readouterr()
    assert [json.loads(x)["article"]["id"] for x in captured.out.splitlines()] == ["a", "c"]
    assert f"{f}:2" in captured.err and "broken stage" in captured.err and "1 failed" in captured.err


def test_progress_line_when_asked(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "p", "text": ARTICLE}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["extract", str(f), "--progress"]) == 0
    assert "rasd extract: 1 article(s)" in capsys.readouterr().err


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--published", "2015-13-45", "'2015-13-45' is not a publication date"),
    ("--published", "yesterday", "'yesterday' is not a publication date"),
    ("--published", "0000-00-00", "'0000-00-00' is not a publication date"),
    ("--published", "0001-01-01", "years 1900-2100"),
    ("--timezone", "Mars/Base", "'Mars/Base' is not a known IANA time zone"),
    ("--max-bytes", "-1", "the size limit must be a positive number"),
    ("--max-bytes", "0", "the size limit must be a positive number"),
    ("--max-bytes", "lots", "'lots' is not a number of bytes"),
])
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_unreadable_article_options_are_usage_errors(article_file, capsys, command, option, value, message):
    with pytest.raises(SystemExit) as raised:
        main([command, str(article_file), option, value])
    assert raised.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}" in err and message in err


def test_a_truncated_archive_prints_what_was_done_before_it_stopped(tmp_path, capsys):
    import gzip
    import io

    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
        for i in range(2000):
            gz.write((json.dumps({"id": str(i), "text": f"{ARTICLE} {i} " + "خبر" * (i % 13)},
                                 ensure_ascii=False) + "\n").encode())
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    assert main(["extract", str(f), "--no-mentions"]) == 2
    captured = capsys.readouterr()
    done = len(captured.out.strip().split("\n"))
    assert done > 100
    assert f"cut.jsonl.gz:{done + 1}: compressed data is cut off or corrupt" in captured.err
    assert f"rasd: {done} article(s) processed, 0 skipped, 0 failed before the input stopped" in captured.err


def test_extract_a_folder_prints_one_line_an_article_and_counts_what_it_skipped(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "b.csv").write_text("body,date\n\"" + ARTICLE + "\",2018-03-04\n", encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text("English only, no Arabic here at all.", encoding="utf-8")
    assert main(["extract", str(tmp_path / "in"), "--text-column", "body", "--date-column", "date"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert len(lines) == 2
    assert json.loads(lines[1])["article"]["published"] == "2018-03-04"
    assert "c.txt: not Arabic text" in captured.err and "2 article(s) processed, 1 skipped" in captured.err
