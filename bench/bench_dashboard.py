"""How long the dashboard's first view takes in headless Chromium (Debian's chromium and
chromium-driver): from asking for the page to the map's markers, the timeline and the first page of
the table being drawn, over a real ``rasd serve``.

    .venv/bin/python bench/bench_dashboard.py --db /tmp/api.db     # a database (e.g. bench_api.py's)
    .venv/bin/python bench/bench_dashboard.py --db /tmp/api.db --runs 10 --filter country=Syria
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "api"))

from test_api_server import _serve, _stop

from bench.common import percentile

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(DRIVER), options=options)


def first_view(driver, url: str) -> tuple[float, int]:
    """Seconds until the page says it is ready and the map holds its markers; the marker count."""
    driver.get("about:blank")
    started = time.perf_counter()
    driver.get(url)
    while True:
        done = driver.execute_script(
            "const m = document.getElementById('map');"
            "return document.body.dataset.ready && m && m.dataset.markers !== undefined"
            " && document.querySelector('#events-table, #table p') ? +m.dataset.markers : -1")
        if done >= 0:
            return time.perf_counter() - started, done
        if time.perf_counter() - started > 60:
            raise SystemExit("the first view took over a minute")
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="database URL or SQLite file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--filter", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()
    url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    proc, base = _serve("--db", url, "--read-only")
    driver = _browser()
    try:
        page = f"{base}/#/" + ("?" + "&".join(args.filter) if args.filter else "")
        first_view(driver, page)  # warm: the browser's cache, the server's first connection
        times, markers = [], 0
        for _ in range(args.runs):
            elapsed, markers = first_view(driver, page)
            times.append(elapsed)
        print(f"first view of {page.split('/#/')[1] or 'everything'}: {args.runs} runs, "
              f"median {percentile(times, 0.5):.2f} s, worst {max(times):.2f} s, {markers} markers")
    finally:
        driver.quit()
        _stop(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
