"""Property test: any bytes, read as any input kind, give articles, named problems or a named
InputError: never another exception, never a hang."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.ingest import ArticleInput, InputError, InputProblem, read_articles

ARABIC = "قتل ثلاثة أشخاص في انفجار وسط مدينة الموصل أمس".encode()
FRAGMENTS = [ARABIC, b'{"text": "', b'"}\n', b"<rss><channel><item><description>", b"</item></channel></rss>",
             b"<html><body><p>", b"</p></body></html>", b"text,published\n", b'"', b",", b"\n", b"\x1f\x8b",
             b"WARC/1.0\r\n", b"Content-Length: 10\r\n\r\n", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"[" * 50]
SUFFIXES = ["a.txt", "a.jsonl", "a.jsonl.gz", "a.csv", "a.tsv", "a.html", "a.rss", "a.warc", "a.warc.gz", "a"]

contents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.binary(max_size=40)), max_size=30).map(b"".join)


@settings(max_examples=int(os.environ.get("RASD_HOSTILE_EXAMPLES", "300")), deadline=None,
          derandomize=bool(os.environ.get("CI")), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contents, st.sampled_from(SUFFIXES))
def test_any_bytes_read_as_any_kind_give_articles_problems_or_a_named_error(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    try:
        for item in read_articles(str(path), max_bytes=1 << 20):
            assert isinstance(item, ArticleInput | InputProblem)
            if isinstance(item, InputProblem):
                assert item.origin.startswith(str(path)) and item.message
    except InputError as exc:
        assert exc.origin.startswith(str(path)) and exc.message
