import gzip
import io
import json

import pytest

from rasd.document import ArticleMeta
from rasd.ingest import ArticleInput, InputError, InputProblem, read_articles
from rasd.ingest.decode import decode_bytes, looks_binary
from rasd.ingest.html import html_to_text

ARTICLE = "قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة وسط مدينة الموصل أمس."


def read_all(path, **kw):
    return list(read_articles(str(path), **kw))


def test_plain_text_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    [item] = read_all(f, defaults=ArticleMeta(published="2020-01-02"))
    assert isinstance(item, ArticleInput)
    assert item.text == ARTICLE
    assert item.meta.published == "2020-01-02"
    assert item.line is None


def test_utf8_bom_is_accepted(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    [item] = read_all(f)
    assert item.text == ARTICLE


def test_empty_file_is_a_clear_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("   \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.txt: empty article"):
        read_all(f)


def test_binary_file_is_refused(tmp_path):
    f = tmp_path / "image.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"image\.png: looks like a binary file"):
        read_all(f)


def test_cp1256_is_detected_and_reported(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes(ARTICLE.encode("cp1256"))
    [item] = read_all(f)
    assert item.text == ARTICLE
    assert any("cp1256" in w for w in item.warnings)


def test_undecodable_non_arabic_bytes_fail_clearly(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Ceci est un texte français accentué, très long et sans arabe.".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.txt: not valid UTF-8"):
        read_all(f)


def test_non_arabic_text_is_refused(tmp_path):
    f = tmp_path / "english.txt"
    f.write_text("Five people were killed in Benghazi yesterday, a hospital said.", encoding="utf-8")
    with pytest.raises(InputError, match=r"english\.txt: not Arabic text"):
        read_all(f)


def test_fifty_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    f = tmp_path / "huge.txt"
    chunk = (ARTICLE + "\n").encode()
    with f.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    assert f.stat().st_size >= 50 * 1024 * 1024
    with pytest.raises(InputError, match=r"huge\.txt: larger than 5 MB"):
        read_all(f)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match=r"no such file"):
        read_all(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=r"a folder with no files"):
        read_all(tmp_path)


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_rest_processed(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2021-05-01", "source": "X"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        "",
        json.dumps({"id": "a5", "text": "only English words here, nothing else"}),
        json.dumps(["a", "list"]),
        json.dumps({"docno": "a7", "text": ARTICLE}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(f)
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, InputProblem)]
    assert [g.meta.id for g in good] == ["a1", "a7"]
    assert [g.line for g in good] == [1, 7]
    assert good[0].meta.published == "2021-05-01" and good[0].meta.source == "X"
    assert [b.origin.rsplit(":", 1)[1] for b in bad] == ["2", "3", "5", "6"]
    assert "malformed JSON" in bad[0].message
    assert "missing 'text'" in bad[1].message


def test_jsonl_gz_and_command_line_meta_wins(tmp_path):
    f = tmp_path / "batch.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": ARTICLE, "source": "From file"}, ensure_ascii=False) + "\n")
    [item] = read_all(f, defaults=ArticleMeta(source="Given"))
    assert item.meta.source == "Given"


def test_html_page_text_title_and_date(tmp_path):
    page = (
        "<!DOCTYPE html><html><head><title>عنوان الخبر</title>"
        '<meta property="article:published_time" content="2019-07-04T10:00:00+03:00">'
        "<script>var x = 'لا تظهر';</script><style>p{}</style></head><body>"
        "<nav>القائمة</nav><h1>عنوان</h1><p>" + ARTICLE + "</p><p>فقرة &amp; ثانية</p></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    [item] = read_all(f)
    assert ARTICLE in item.text
    assert "لا تظهر" not in item.text and "القائمة" not in item.text
    assert "فقرة & ثانية" in item.text
    assert item.meta.title == "عنوان"  # the page's headline (trafilatura), not the browser title
    assert item.meta.published == "2019-07-04T10:00:00+03:00"


def test_stdin_text_and_jsonl():
    [item] = list(read_articles("-", stdin=io.BytesIO(ARTICLE.encode())))
    assert item.text == ARTICLE and item.origin == "<stdin>"
    data = (json.dumps({"text": ARTICLE}, ensure_ascii=False) + "\n{bad\n").encode()
    items = list(read_articles("-", stdin=io.BytesIO(data)))
    assert isinstance(items[0], ArticleInput) and isinstance(items[1], InputProblem)
    assert items[1].origin == "<stdin>:2"


def test_decode_helpers():
    assert looks_binary(b"abc\x00def")
    assert not looks_binary("نص عربي".encode())
    assert decode_bytes("نص".encode("utf-16"), "x")[0] == "نص"


def test_html_to_text_keeps_paragraphs_apart():
    text, meta = html_to_text("<p>الأولى</p><p>الثانية</p>")
    assert text == "الأولى\nالثانية"
    assert meta == {}


def test_the_byte_meter_follows_compressed_and_plain_files(tmp_path):
    import gzip
    import json

    from rasd.ingest.readers import ByteMeter, input_bytes

    folder = tmp_path / "in"
    folder.mkdir()
    lines = "".join(json.dumps({"text": f"قتل {n} مدنيين في غارة على مدينة تعز"}, ensure_ascii=False) + "\n"
                    for n in range(2000))
    with gzip.open(folder / "a.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(lines)
    (folder / "b.jsonl").write_text(lines, encoding="utf-8")
    total = input_bytes([str(folder)])
    assert total == sum(f.stat().st_size for f in folder.iterdir())
    meter = ByteMeter()
    seen = []
    for n, item in enumerate(read_articles(str(folder), meter=meter)):
        assert not isinstance(item, InputProblem)
        if n % 500 == 0:
            seen.append(meter.read)
    assert seen == sorted(seen) and 0 < seen[1] < total
    assert meter.read == total
    assert input_bytes(["-"]) is None and input_bytes(["https://example.org/feed"]) is None
