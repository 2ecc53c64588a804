"""The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium; nothing downloads a browser): ``rasd serve`` on a database ingested from the bundled
sample articles; the map's markers, the type filter, brushing the timeline, an event and its
sources, its article with every highlight on the right words, "try an article", the Arabic
layout, and screenshots at 1280 and 390 pixels (written to ``$RASD_ARTIFACTS``, by default
``test-artifacts/`` in the repository)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from api_helpers import SCRIPT
from test_api_server import _serve, _stop

REPO = Path(__file__).resolve().parents[2]
CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = Path(os.environ.get("RASD_ARTIFACTS", REPO / "test-artifacts"))
WAIT_S = 30

selenium = pytest.importorskip("selenium")


def _need_browser() -> None:
    if shutil.which(CHROMIUM) and shutil.which(DRIVER):
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true: Debian's chromium and chromium-driver must be installed for the browser tests")
    pytest.skip("no system Chromium (apt install chromium chromium-driver)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dash")
    url = f"sqlite:///{folder / 'sample.db'}"
    hostile = folder / "hostile.txt"
    hostile.write_text("قتل شخصان في قصف على مدينة تعز اليوم، بحسب مصدر طبي.\n" + SCRIPT, encoding="utf-8")
    for args in (["examples/sample-articles.jsonl"],
                 ["examples/sample-article.ar.txt", "--published", "2019-03-14", "--source", "Sample", "--id",
                  "sample-1"],
                 [str(hostile), "--published", "2019-03-25", "--source", "Hostile <b>", "--id", "hostile-1"]):
        done = subprocess.run([sys.executable, "-m", "rasd", "ingest", *args, "--db", url], cwd=REPO,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    proc, base = _serve("--db", url, "--read-only")
    yield base
    _stop(proc)


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--lang=en-US"):
        options.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not fetch anything
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_script_timeout(WAIT_S)
    yield driver
    driver.quit()


def _open(browser, url: str) -> None:
    before = browser.execute_script("return document.body ? document.body.dataset.ready || '' : ''")
    browser.get(url)
    _ready(browser, before)


def _ready(browser, before: str = "") -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        ready = browser.execute_script("return document.body ? document.body.dataset.ready || '' : ''")
        if ready and ready != before:
            time.sleep(0.3)  # the map's markers come with its first moveend
            return
        time.sleep(0.05)
    raise AssertionError(f"the page did not become ready: {browser.current_url}")


def _after(browser, action) -> None:
    before = browser.execute_script("return document.body.dataset.ready || ''")
    action()
    _ready(browser, before)


def _hash_params(browser) -> dict[str, str]:
    fragment = urlparse(browser.current_url).fragment
    query = fragment.split("?", 1)[1] if "?" in fragment else ""
    return {k: v[0] for k, v in parse_qs(query).items()}


def _table_ids(browser) -> set[str]:
    from selenium.webdriver.common.by import By

    return {r.get_attribute("data-event") for r in browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")}


def _shot(browser, name: str, width: int) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    time.sleep(0.5)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(max(height, 600), 4000))
    time.sleep(0.5)
    path = ARTIFACTS / f"{name}-{width}.png"
    browser.save_screenshot(str(path))
    browser.set_window_size(1280, 900)
    return path


def test_the_map_table_filters_and_timeline(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    api = httpx.Client(base_url=f"{server}/api/v1", timeout=30)
    _open(browser, f"{server}/#/")
    markers = browser.find_elements(By.CSS_SELECTOR, "path.rasd-marker")
    shown = browser.execute_script("return document.getElementById('map').dataset")
    assert len(markers) == int(shown["markers"]) > 0
    located = [f for f in api.get("/events.geojson").json()["features"]]
    assert int(shown["events"]) == len(located)  # every located event is in a marker
    rows = browser.find_elements(By.CSS_SELECTOR, "#events-table tbody tr")
    assert len(rows) == len(api.get("/events", params={"limit": 1000}).json()["events"])
    _shot(browser, "dashboard", 1280)
    _shot(browser, "dashboard", 390)

    _after(browser, lambda: Select(browser.find_element(By.NAME, "event_type")).select_by_value("Battles"))
    assert _hash_params(browser) == {"event_type": "Battles"}
    battles = {e["event_id"] for e in api.get("/events", params={"event_type": "Battles"}).json()["events"]}
    shown_ids = _table_ids(browser)
    assert shown_ids == battles and battles

    _after(browser, lambda: browser.find_element(By.ID, "clear").click())
    timeline = browser.find_element(By.CSS_SELECTOR, "svg.timeline")
    width = timeline.size["width"]

    def drag() -> None:
        chain = ActionChains(browser).move_to_element_with_offset(timeline, -width // 2 + 5, 0).click_and_hold()
        chain.move_by_offset(width // 2, 0).release().perform()

    _after(browser, drag)
    params = _hash_params(browser)
    assert set(params) == {"since", "until"} and params["since"] < params["until"]
    expected = {e["event_id"] for e in api.get("/events", params=params).json()["events"]}
    shown_ids = _table_ids(browser)
    assert shown_ids == expected and 0 < len(expected) < len(rows)
    csv_link = browser.find_element(By.CSS_SELECTOR, "a[data-format='acled-csv']").get_attribute("href")
    assert f"since={params['since']}" in csv_link and api.get(csv_link.split("/api/v1")[1]).status_code == 200


def test_an_event_its_sources_and_its_article_with_every_highlight(server, browser):
    from selenium.webdriver.common.by import By

    api = httpx.Client(base_url=f"{server}/api/v1", timeout=30)
    event = next(e for e in api.get("/events").json()["events"] if e["source_count"] == 2)
    _open(browser, f"{server}/#/")
    link = browser.find_element(By.CSS_SELECTOR, f"tr[data-event='{event['event_id']}'] a")
    _after(browser, link.click)
    detail = api.get(f"/events/{event['event_id']}").json()
    sources = browser.find_elements(By.CSS_SELECTOR, "#sources li.report")
    assert len(sources) == len(detail["reports"]) == 2
    assert {s.find_element(By.TAG_NAME, "strong").text for s in sources} == {r["outlet"] for r in detail["reports"]}
    fields = dict(zip([d.text for d in browser.find_elements(By.CSS_SELECTOR, "dl.fields dt:not(.head)")],
                      [d.text for d in browser.find_elements(By.CSS_SELECTOR, "dl.fields dd.value")], strict=True))
    assert fields["fatalities"] == str(detail["fatalities"]) and fields["location"] == detail["location"]
    assert "[object" not in browser.find_element(By.TAG_NAME, "body").text
    _shot(browser, "event", 1280)
    _after(browser, sources[0].find_element(By.CLASS_NAME, "article-link").click)
    article = api.get(f"/articles/{detail['reports'][0]['article_id']}").json()
    spans = [ev for report in article["reports"] for ev in report["evidence"]]
    assert spans
    for ev in spans:
        found = browser.execute_script(
            "const [s, e] = arguments; return [...document.querySelectorAll('#article-text mark')]"
            ".filter(m => +m.dataset.start >= s && +m.dataset.end <= e).map(m => m.textContent).join('')",
            ev["start"], ev["end"])
        assert found == ev["text"], ev
    assert browser.find_element(By.ID, "article-text").get_attribute("dir") == "rtl"
    _shot(browser, "article", 1280)
    _shot(browser, "article", 390)


def test_article_text_with_markup_is_shown_as_text(server, browser):
    from selenium.webdriver.common.by import By

    _open(browser, f"{server}/#/article/hostile-1")
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>alert('x')</script>" in text
    assert browser.execute_script("return document.querySelectorAll('#view script, #view img').length") == 0
    assert "Hostile <b>" in browser.find_element(By.CSS_SELECTOR, "#article .totals").text


def test_try_an_article_and_the_arabic_layout(server, browser):
    from selenium.webdriver.common.by import By

    api = httpx.Client(base_url=f"{server}/api/v1", timeout=30)
    text = (REPO / "examples" / "sample-article.ar.txt").read_text(encoding="utf-8")
    _open(browser, f"{server}/#/try")
    browser.execute_script("document.getElementById('try-text').value = arguments[0];"
                           "document.getElementById('try-date').value = '2019-03-14';", text)
    browser.find_element(By.ID, "try-run").click()
    deadline = time.monotonic() + WAIT_S
    answered = "#try-events li, #try-result > p:not(#try-loading)"
    while time.monotonic() < deadline and not browser.find_elements(By.CSS_SELECTOR, answered):
        time.sleep(0.1)
    expected = api.post("/extract", json={"text": text, "published": "2019-03-14"}).json()["events"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#try-events li")) == len(expected) > 0
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text mark")
    _shot(browser, "try", 1280)
    _after(browser, lambda: browser.find_element(By.ID, "lang").click())
    layout = browser.execute_script("return [document.documentElement.dir, document.documentElement.lang]")
    assert layout == ["rtl", "ar"]
    _open(browser, f"{server}/#/")
    _shot(browser, "dashboard-ar", 1280)
    _after(browser, lambda: browser.find_element(By.ID, "lang").click())
