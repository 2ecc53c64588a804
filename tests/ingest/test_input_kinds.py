"""Every input kind a desk feeds: folders, CSV/TSV, saved pages, RSS/Atom (file or URL), WARC."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from rasd.ingest import ArticleInput, InputError, InputProblem, read_articles

ARTICLE = ("قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة وسط مدينة الموصل أمس، "
           "وقالت الشرطة إن الانفجار وقع قرب سوق شعبي مزدحم.")
OTHER = "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في ريف حلب الشمالي فجر اليوم، ما أسفر عن مقتل جنديين."

PAGE = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>انفجار في الموصل | وكالة الأنباء</title>
<meta property="og:site_name" content="وكالة الأنباء">
<meta property="article:published_time" content="2018-03-04T09:15:00+03:00">
</head><body><nav><a href="/">الرئيسية</a> <a href="/w">العالم</a> <a href="/s">الرياضة</a></nav>
<article><h1>انفجار في الموصل</h1><p>{ARTICLE}</p><p>{OTHER}</p></article>
<aside><h3>أخبار ذات صلة</h3><ul><li><a href="/1">فوز الفريق في المباراة النهائية</a></li></ul></aside>
<footer>جميع الحقوق محفوظة لوكالة الأنباء</footer><script>var tracking = "لا تظهر";</script></body></html>"""


def items(path, **kw) -> list:
    return list(read_articles(str(path), **kw))


# -- folders --------------------------------------------------------------------------------


def test_a_folder_is_read_recursively_in_name_order_skipping_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": OTHER}, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
    (tmp_path / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 50)
    (tmp_path / "b" / "english.txt").write_text("A report in English only, not Arabic at all.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    found = items(tmp_path)
    articles = [i for i in found if isinstance(i, ArticleInput)]
    problems = [i for i in found if isinstance(i, InputProblem)]
    assert [a.origin for a in articles] == [str(tmp_path / "a.txt"), f"{tmp_path / 'b' / 'c.jsonl'}:1"]
    assert sorted(Path(p.origin).name for p in problems) == ["english.txt", "photo.jpg"]
    assert any("not Arabic" in p.message for p in problems) and any("binary" in p.message for p in problems)


# -- CSV ------------------------------------------------------------------------------------


def test_csv_rows_are_articles_with_their_metadata(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('id,body,date,title\n1,"' + ARTICLE + '",2018-03-04,عنوان\n2,,2018-03-05,فارغ\n3,"' + OTHER
                 + '",2018-03-06,\n', encoding="utf-8")
    found = items(f, text_column="body", date_column="date")
    assert [type(i).__name__ for i in found] == ["ArticleInput", "InputProblem", "ArticleInput"]
    assert found[0].meta.id == "1" and found[0].meta.published == "2018-03-04" and found[0].meta.title == "عنوان"
    assert found[0].origin == f"{f}:2" and found[1].origin == f"{f}:3" and "empty" in found[1].message
    assert found[2].text == OTHER


def test_tsv_and_a_missing_column(tmp_path):
    f = tmp_path / "news.tsv"
    f.write_text("text\tpublished\n" + ARTICLE + "\t2018-03-04\n", encoding="utf-8")
    [item] = items(f)
    assert item.text == ARTICLE and item.meta.published == "2018-03-04"
    with pytest.raises(InputError, match=r"no column 'body' \(columns: text, published\).*--text-column"):
        items(f, text_column="body")


def test_a_csv_in_the_wrong_encoding_is_a_clear_error(tmp_path):
    f = tmp_path / "old.csv"
    f.write_bytes(("text\n" + ARTICLE + "\n").encode("cp1256"))
    with pytest.raises(InputError, match=r"old\.csv:\d+: not UTF-8.*convert the file to UTF-8"):
        items(f)


# -- saved pages ----------------------------------------------------------------------------


def test_a_saved_page_gives_its_article_without_menus_related_links_or_footer(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(PAGE, encoding="utf-8")
    [item] = items(f)
    assert ARTICLE in item.text and OTHER in item.text
    for boilerplate in ("الرئيسية", "أخبار ذات صلة", "فوز الفريق", "جميع الحقوق", "لا تظهر"):
        assert boilerplate not in item.text
    assert item.meta.title == "انفجار في الموصل"
    assert item.meta.source == "وكالة الأنباء"
    assert item.meta.published == "2018-03-04T09:15:00+03:00"


def test_a_page_with_no_article_is_a_clear_error(tmp_path):
    f = tmp_path / "menu.html"
    f.write_text("<html><head><title>x</title></head><body><nav><a href='/'>الرئيسية</a></nav>"
                 "<script>var a = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"menu\.html: an HTML page with no article text"):
        items(f)


# -- feeds ----------------------------------------------------------------------------------

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>وكالة الأنباء</title><link>https://example.org/</link>
<item><title>انفجار في الموصل</title><link>https://example.org/1</link><guid>n-1</guid>
<pubDate>Sun, 04 Mar 2018 06:15:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{ARTICLE}</p><p>تفاصيل أخرى عن الحادث.</p>]]></content:encoded></item>
<item><title>اشتباكات في حلب</title><link>https://example.org/2</link>
<pubDate>Mon, 05 Mar 2018 08:00:00 GMT</pubDate><description>{OTHER}</description></item>
<item><title>Sport</title><link>https://example.org/3</link><description>The team won the final.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
<entry><title>خبر</title><id>tag:a,2018:1</id><link href="https://example.org/a1"/>
<updated>2018-03-04T10:00:00+03:00</updated><content type="html">&lt;p&gt;{ARTICLE}&lt;/p&gt;</content></entry>
</feed>"""


def test_an_rss_file_gives_one_article_an_entry(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(RSS, encoding="utf-8")
    found = items(f)
    assert [type(i).__name__ for i in found] == ["ArticleInput", "ArticleInput", "InputProblem"]
    first, second, sport = found
    assert first.text.split("\n")[0] == ARTICLE and first.meta.id == "n-1"
    assert first.meta.url == "https://example.org/1" and first.meta.title == "انفجار في الموصل"
    assert first.meta.published == "2018-03-04T06:15:00+00:00" and first.meta.source == "وكالة الأنباء"
    assert second.text == OTHER and second.meta.id == "https://example.org/2"
    assert sport.origin == f"{f}:entry 3" and "not Arabic" in sport.message


def test_an_atom_file_under_any_name_is_recognised(tmp_path):
    f = tmp_path / "downloaded"
    f.write_text(ATOM, encoding="utf-8")
    [item] = items(f)
    assert item.text == ARTICLE and item.meta.published == "2018-03-04T07:00:00+00:00"


def test_a_broken_feed_is_a_clear_error(tmp_path):
    f = tmp_path / "broken.rss"
    f.write_text("<<< this is no feed >>>", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.rss: not a readable RSS or Atom feed"):
        items(f)


def test_a_feed_cut_after_whole_entries_gives_them_with_a_warning(tmp_path):
    f = tmp_path / "cut.rss"
    f.write_text(RSS[: RSS.index("<item><title>Sport")], encoding="utf-8")
    found = [i for i in items(f) if isinstance(i, ArticleInput)]
    assert len(found) == 2
    assert any("not well-formed" in w for w in found[0].warnings)


class _FeedServer(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/feed.xml":
            body = RSS.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FeedServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_feed_url_is_fetched_and_read(feed_server):
    found = items(f"{feed_server}/feed.xml")
    assert [i.meta.url for i in found if isinstance(i, ArticleInput)] == ["https://example.org/1",
                                                                          "https://example.org/2"]
    with pytest.raises(InputError, match=r"missing\.xml: cannot fetch the feed"):
        items(f"{feed_server}/missing.xml")


# -- WARC -----------------------------------------------------------------------------------


def _warc(pages: list[tuple[str, str, str]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                      http_headers=headers))
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return out.getvalue()


def test_a_warc_gives_its_html_pages_as_articles(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(_warc([("https://example.org/a", "text/html; charset=utf-8", PAGE),
                         ("https://example.org/logo.png", "image/png", "PNG"),
                         ("https://example.org/empty", "text/html",
                          "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>")]))
    found = items(f)
    [page] = [i for i in found if isinstance(i, ArticleInput)]
    [empty] = [i for i in found if isinstance(i, InputProblem)]
    assert ARTICLE in page.text and page.meta.url == "https://example.org/a"
    assert page.meta.published == "2018-03-04T09:15:00+03:00"
    assert page.origin == f"{f}:record 1" and "no article text" in empty.message


@pytest.mark.parametrize("gz", [True, False])
def test_a_cut_warc_keeps_the_pages_before_the_cut(tmp_path, gz):
    pages = [(f"https://example.org/{n}", "text/html", PAGE.replace("الموصل", f"الموصل {n}")) for n in range(40)]
    data = _warc(pages, gz=gz)
    f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    f.write_bytes(data[: _inside_a_record(data, 20)])  # an archive cut on a record boundary is a whole archive
    got: list = []
    with pytest.raises(InputError, match=r"cut\.warc(\.gz)?:record \d+: the archive is cut off or corrupt"):
        for item in read_articles(str(f)):
            got.append(item)
    # the pages of the whole records before the cut; the cut page itself, when it was read, is
    # only a problem (no article text in what is left of it)
    assert len(got) >= 10 and all(isinstance(i, ArticleInput) for i in got[:10])
    assert all(isinstance(i, ArticleInput) for i in got[:-1])


def _inside_a_record(data: bytes, n: int) -> int:
    """An offset in the middle of the n-th record of an archive."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(io.BytesIO(data))
    offsets = [archive.get_record_offset() for _ in archive]
    return (offsets[n] + offsets[n + 1]) // 2


def test_a_whole_uncompressed_warc_reads_to_its_end(tmp_path):
    f = tmp_path / "whole.warc"
    f.write_bytes(_warc([(f"https://example.org/{n}", "text/html", PAGE) for n in range(3)], gz=False))
    assert len(items(f)) == 3


def test_gzip_helper_is_real_gzip():
    assert gzip.decompress(gzip.compress(b"x")) == b"x"
