"""``rasd watch`` against a local HTTP server that the test runs (loopback only): feeds that change
between polls, answer 304 when unchanged, break, time out or refuse connections; and a folder."""

from __future__ import annotations

import hashlib
import http.server
import io
import socket
import threading
import time

import pytest
from store_helpers import rasd

from rasd.store import WRITE, open_store
from rasd.store.watch import parse_interval, watch

STORIES = [
    "قتل ثلاثة أشخاص وأصيب خمسة آخرون في انفجار سيارة مفخخة وسط مدينة الموصل أمس.",
    "اندلعت اشتباكات عنيفة بين الجيش ومسلحين في ريف حلب الشمالي فجر اليوم، ما أسفر عن مقتل جنديين.",
    "قتل مدني وأصيب اثنان آخران في قصف مدفعي استهدف حيا سكنيا في مدينة تعز مساء أمس.",
]


def _rss(entries: list[int]) -> bytes:
    items = "".join(f"<item><title>خبر {n}</title><link>https://example.org/{n}</link><guid>g-{n}</guid>"
                    f"<pubDate>Sun, 04 Mar 2018 06:15:00 GMT</pubDate><description>{STORIES[n]}</description></item>"
                    for n in entries)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title>{items}' \
           f"</channel></rss>".encode()


class Site:
    """What the server serves; the test changes it between polls."""

    def __init__(self) -> None:
        self.entries = [0, 1]
        self.requests: list[tuple[str, str | None, int]] = []  # path, If-None-Match, status


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/slow.xml":
                time.sleep(2)
            if self.path == "/feed.xml":
                body = _rss(site.entries)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._answer(304, b"", etag)
                else:
                    self._answer(200, body, etag)
            elif self.path == "/broken.xml":
                self._answer(200, b"<html><body>not a feed at all</body></html>", None)
            else:
                self._answer(404, b"", None)

        def _answer(self, status: int, body: bytes, etag: str | None) -> None:
            site.requests.append((self.path, self.headers.get("If-None-Match"), status))
            try:
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow feed)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def site():
    state = Site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


def test_watch_ingests_what_is_new_and_survives_sources_that_fail(site, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(STORIES[2], encoding="utf-8")
    sources = [f"{site.base}/feed.xml", f"{site.base}/broken.xml", f"{site.base}/slow.xml",
               f"http://127.0.0.1:{_closed_port()}/feed.xml", str(folder)]
    log = io.StringIO()
    results = []

    def between(result) -> None:
        results.append(result)
        if result.number == 2:  # the feed gets a third entry, the folder a new file
            site.entries = [0, 1, 2]
            (folder / "b.txt").write_text(STORIES[0] + " وأكدت الشرطة الحصيلة.", encoding="utf-8")

    url = f"sqlite:///{tmp_path / 'w.db'}"
    with open_store(url, WRITE) as store:
        watch(store, sources, 0.0, log, polls=3, max_bytes=1_000_000, timeout=0.5, between=between)
    first, second, third = results
    assert (first.new, second.new, third.new) == (3, 0, 2)  # feed 2 + folder 1; nothing; entry 3 + b.txt
    assert len(first.failed) == len(second.failed) == len(third.failed) == 3
    reasons = " ".join(first.failed)
    assert "broken.xml: not a readable RSS or Atom feed" in reasons
    assert "slow.xml: cannot fetch the feed" in reasons and "timed out" in reasons
    assert "cannot fetch the feed" in reasons.split("slow.xml")[1]
    assert second.unchanged_sources == 2  # the feed answered 304, the folder had nothing new
    assert third.unchanged_sources == 0
    feed_requests = [r for r in site.requests if r[0] == "/feed.xml"]
    assert [status for _, _, status in feed_requests] == [200, 304, 200]
    assert feed_requests[1][1] is not None  # the second poll sent the first answer's ETag
    lines = log.getvalue().splitlines()
    assert len(lines) == 3 and "poll 3: 2 new" in lines[2] and "3 failed" in lines[2]


def test_intervals():
    assert [parse_interval(t) for t in ("90", "30s", "10m", "1.5h", "1d")] == [90, 30, 600, 5400, 86400]
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval("soon")


def test_the_command_polls_and_logs_one_line_a_poll(site, tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    done = rasd("watch", f"{site.base}/feed.xml", "--db", url, "--every", "0s", "--polls", "2")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and "poll 1: 2 new" in lines[0] and "poll 2: 0 new" in lines[1]
    assert "1 source(s) unchanged" in lines[1]
    bad = rasd("watch", f"{site.base}/feed.xml", "--db", url, "--every", "soon")
    assert bad.returncode == 2 and "not an interval" in bad.stderr
