"""Hostile and damaged inputs: cut-off downloads, corrupt archives, deep JSON, odd metadata."""

import gzip
import io
import json
from pathlib import Path

import pytest

from rasd.document import ArticleMeta
from rasd.ingest import ArticleInput, InputError, InputProblem, read_articles
from rasd.ingest.decode import decode_bytes
from rasd.pipeline import extract_article

ARTICLE = ("قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة وسط مدينة الموصل أمس، "
           "وقالت الشرطة إن الانفجار وقع قرب سوق شعبي مزدحم.")


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


# -- decoding -------------------------------------------------------------------------------


def test_utf8_cut_inside_its_last_character_is_read_as_utf8_with_a_warning(tmp_path):
    data = ARTICLE.encode()[:-2]  # the final Arabic letter loses its second byte ... and the period
    assert data[-1] >= 0x80
    f = tmp_path / "cut.txt"
    f.write_bytes(data)
    [item] = list(read_articles(str(f)))
    assert isinstance(item, ArticleInput)
    assert item.text.startswith("قتل ثلاثة أشخاص") and item.text.endswith("\ufffd")
    assert any("cut.txt" in w and "not valid UTF-8" in w and "replaced" in w for w in item.warnings)
    doc = extract_article(item)
    assert [e.fatalities for e in doc.events] == [3]


def test_a_stray_byte_in_the_middle_does_not_turn_the_article_into_cp1256():
    data = ARTICLE.encode()
    damaged = data[:40] + b"\xff" + data[40:]
    decoded = decode_bytes(damaged, "x.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == ARTICLE
    assert "1 byte(s)" in decoded.warning and "byte 40" in decoded.warning


def test_real_cp1256_is_still_recognised():
    decoded = decode_bytes(ARTICLE.encode("cp1256"), "old.txt")
    assert decoded.encoding == "cp1256" and decoded.text == ARTICLE
    assert "decoded as cp1256" in decoded.warning


def test_a_damaged_jsonl_line_is_read_with_a_warning_naming_its_line():
    line = json.dumps({"id": "a", "text": ARTICLE}, ensure_ascii=False).encode()
    cut = line.index("الموصل".encode()) + 1  # inside a two-byte letter
    damaged = line[:cut] + line[cut + 1:]
    items = list(read_articles("-", stdin=io.BytesIO(damaged + b"\n"), input_format="jsonl"))
    [item] = items
    assert isinstance(item, ArticleInput)
    assert any(w.startswith("<stdin>:1:") and "not valid UTF-8" in w for w in item.warnings)


def test_a_cp1256_jsonl_line_is_no_longer_decoded_silently():
    line = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode("cp1256")
    [item] = list(read_articles("-", stdin=io.BytesIO(line + b"\n"), input_format="jsonl"))
    assert isinstance(item, ArticleInput) and item.text == ARTICLE
    assert any("decoded as cp1256" in w for w in item.warnings)


# -- batches --------------------------------------------------------------------------------


def test_deeply_nested_json_line_is_a_named_skip_and_later_lines_survive(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_bytes(jsonl({"id": "1", "text": ARTICLE}) + b"[" * 100_000 + b"\n" + jsonl({"id": "3", "text": ARTICLE}))
    items = list(read_articles(str(f)))
    assert [type(i).__name__ for i in items] == ["ArticleInput", "InputProblem", "ArticleInput"]
    assert items[1].origin.endswith("deep.jsonl:2") and "nested too deeply" in items[1].message
    assert items[2].meta.id == "3"


def _gz_lines(n: int) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as gz:
        for i in range(n):
            # varied text so that the compressed stream is long enough to cut in the middle
            gz.write(jsonl({"id": str(i), "text": f"{ARTICLE} رقم {i} " + "كلمة" * (i % 17)}))
    return buf.getvalue()


def test_truncated_jsonl_gz_keeps_what_was_read_and_stops_with_a_named_error(tmp_path):
    data = _gz_lines(3000)
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(data[: len(data) // 2])
    got: list = []
    with pytest.raises(InputError) as raised:
        for item in read_articles(str(f)):
            got.append(item)
    assert len(got) > 100 and all(isinstance(i, ArticleInput) for i in got)
    assert [i.meta.id for i in got] == [str(n) for n in range(len(got))]
    assert f"cut.jsonl.gz:{len(got) + 1}" in str(raised.value)
    assert "cut off or corrupt" in raised.value.message


def test_corrupt_jsonl_gz_stops_with_a_named_error(tmp_path):
    data = bytearray(_gz_lines(50))
    data[-6] ^= 0xFF  # the CRC of the stream
    f = tmp_path / "bad.jsonl.gz"
    f.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"bad\.jsonl\.gz:\d+: compressed data is cut off or corrupt"):
        list(read_articles(str(f)))


def test_a_gz_name_on_plain_text_is_a_clear_error(tmp_path):
    f = tmp_path / "plain.jsonl.gz"
    f.write_bytes(jsonl({"text": ARTICLE}))
    with pytest.raises(InputError, match=r"plain\.jsonl\.gz:1: not a readable gzip file"):
        list(read_articles(str(f)))


# -- formats --------------------------------------------------------------------------------


def test_jsonl_content_under_another_name_is_read_as_jsonl(tmp_path):
    f = tmp_path / "export.txt"
    f.write_bytes(jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}))
    items = list(read_articles(str(f)))
    assert [i.meta.id for i in items] == ["a", "b"]
    assert [i.line for i in items] == [1, 2]


def test_a_text_article_that_starts_with_a_brace_stays_one_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("{تحديث} " + ARTICLE, encoding="utf-8")
    [item] = list(read_articles(str(f)))
    assert item.line is None and item.text.startswith("{تحديث}")


def test_jsonl_on_stdin_larger_than_the_article_limit_is_streamed():
    data = jsonl(*({"id": str(i), "text": ARTICLE} for i in range(400)))
    limit = 20_000
    assert len(data) > limit
    items = list(read_articles("-", stdin=io.BytesIO(data), max_bytes=limit))
    assert len(items) == 400 and all(isinstance(i, ArticleInput) for i in items)


def test_text_on_stdin_over_the_limit_is_still_refused():
    with pytest.raises(InputError, match="<stdin>: larger than 1,000 bytes"):
        list(read_articles("-", stdin=io.BytesIO((ARTICLE * 20).encode()), max_bytes=1000))


# -- metadata -------------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "kind"), [({"ar": "عنوان"}, "an object"), (["a"], "a list"), (True, "true/false")])
def test_a_title_that_is_no_string_is_ignored_with_a_warning(title, kind):
    data = jsonl({"text": ARTICLE, "title": title, "id": 7})
    [item] = list(read_articles("-", stdin=io.BytesIO(data)))
    assert item.meta.title is None
    assert item.meta.id == "7"  # a number is a fine id
    assert any(f"'title' is {kind}, not a string: ignored" in w for w in item.warnings)


def test_messages_for_bad_text_fields_and_control_characters():
    raw_tab = ('{"text": "' + ARTICLE + '\t"}\n').encode()  # JSON allows no raw control character
    data = jsonl({"text": 5}, {"title": "x"}, {"text": ["a"]}) + raw_tab
    problems = list(read_articles("-", stdin=io.BytesIO(data)))
    assert [p.message for p in problems[:3]] == [
        "'text' is a number, not a string", "missing 'text' field", "'text' is a list, not a string"]
    assert isinstance(problems[3], InputProblem)
    assert "at at" not in problems[3].message and "Invalid control character at column" in problems[3].message


SEED = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "seed-article.ar.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not here")
def test_the_seed_cut_inside_its_last_character_still_gives_its_six_events(tmp_path):
    data = SEED.read_bytes()
    last_arabic_byte = max(i for i, b in enumerate(data) if b >= 0x80)
    cut = tmp_path / "seed-cut.txt"
    cut.write_bytes(data[:last_arabic_byte])  # a download cut inside its last Arabic letter
    [item] = list(read_articles(str(cut), defaults=ArticleMeta(published="2015-06-30")))
    assert any("not valid UTF-8" in w for w in item.warnings)
    whole = extract_article(next(iter(read_articles(str(SEED), defaults=ArticleMeta(published="2015-06-30")))))
    doc = extract_article(item)
    assert len(doc.events) == len(whole.events) == 6
    assert [e.fatalities for e in doc.events] == [e.fatalities for e in whole.events]
