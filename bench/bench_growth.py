"""Growth of ``extract`` with the size of one article: pathological and real text.

Each case (a kind of text at a size) runs in a fresh child process, so that its peak RSS is its
own. The child loads the pipeline, notes its RSS, extracts the article once, and reports the
wall time of the extraction and the peak RSS above the loaded pipeline. It then extracts the
article again under ``tracemalloc`` and reports the peak of memory allocated during that run:
RSS moves in allocator-sized steps (and reuses what loading freed), so the growth ratio of
memory is taken from the traced peak.

    .venv/bin/python bench/bench_growth.py                      # 100/200/400/800 KB, then 1 MB
    .venv/bin/python bench/bench_growth.py --sizes 100 200 --kinds casualty_sentences

Kinds: ``casualty_sentences`` (one casualty report repeated: every sentence an incident),
``casualty_clauses`` (one sentence of "killed N people in shelling on X," clauses),
``unpunctuated`` (incident words with no punctuation or line break at all), ``numbers_and_dates``
(number words, digits of three scripts, weekdays and "since" in odd orders), ``noise`` (marks,
tatweel, invisible and bidi characters, presentation forms, emoji between Arabic words), and
``real`` (articles of the development corpus run together; skipped without the corpus).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import CORPUS, iter_corpus, rss_mb

KB = 1024
TOWNS = ["تعز", "حلب", "الموصل", "بنغازي", "غزة", "مقديشو", "كابول", "درنة"]


def _fill(unit: Callable[[int], str], size: int, joiner: str = "") -> str:
    """Units joined until the UTF-8 size reaches ``size`` bytes."""
    parts: list[str] = []
    total = i = 0
    while total < size:
        part = unit(i) + joiner
        parts.append(part)
        total += len(part.encode())
        i += 1
    return "".join(parts)


def casualty_sentences(size: int) -> str:
    return _fill(lambda i: f"قتل {i % 40 + 2} أشخاص وأصيب {i % 30 + 5} آخرون في غارة جوية على مدينة "
                           f"{TOWNS[i % len(TOWNS)]} أمس. ", size)


def casualty_clauses(size: int) -> str:
    return _fill(lambda i: f"قتل {i % 90 + 2} أشخاص في قصف على {TOWNS[i % len(TOWNS)]}، ", size)


def unpunctuated(size: int) -> str:
    words = ["قتل", "مسلحون", "خمسة", "أشخاص", "في", "هجوم", "على", "قرية", "قرب", "حلب", "يوم",
             "الاثنين", "وأصيب", "عشرة", "آخرون", "بانفجار", "عبوة", "ناسفة"]
    rnd = random.Random(1)
    return _fill(lambda _: rnd.choice(words), size, " ")


def numbers_and_dates(size: int) -> str:
    pieces = ("ثلاثة عشر", "مئات", "1,200", "٣٤٥", "۱۲", "الف", "مليار", "الاثنين", "منذ", "أمس", "غدا",
              "الأسبوع الماضي", "2018", "12/5/2018", "قتل", "أشخاص", "نحو", "على الأقل", "العاشر من الشهر")
    rnd = random.Random(2)
    return _fill(lambda i: rnd.choice(pieces) + ("\n" if i % 97 == 0 else " "), size)


def noise(size: int) -> str:
    marks = "\u064b\u064e\u0651\u0640\u200b\u200f\u202e\u2066\ufeff\ufed3\ufef2🙂💥"
    words = ["قتل", "أصيب", "غارة", "قصف", "مدينة", "أشخاص", "جنود", "انفجار"]
    rnd = random.Random(3)
    return _fill(lambda _: rnd.choice(words) + "".join(rnd.choice(marks) for _ in range(3)) + " ", size)


def real(size: int) -> str:
    if not CORPUS.exists():
        raise FileNotFoundError(CORPUS)
    records = iter_corpus(CORPUS)
    return _fill(lambda _: (next(records).get("text") or "") + "\n\n", size)


KINDS: dict[str, Callable[[int], str]] = {
    "casualty_sentences": casualty_sentences,
    "casualty_clauses": casualty_clauses,
    "unpunctuated": unpunctuated,
    "numbers_and_dates": numbers_and_dates,
    "noise": noise,
    "real": real,
}


def _run_case(kind: str, size: int, queue: multiprocessing.Queue) -> None:
    from rasd.document import ArticleMeta, Document
    from rasd.pipeline import Pipeline

    text = KINDS[kind](size)
    pipeline = Pipeline()
    pipeline(Document("قتل شخص في بنغازي أمس", ArticleMeta(published="2018-01-01")))
    base = rss_mb()
    start = time.perf_counter()
    doc = pipeline(Document(text, ArticleMeta(published="2018-05-05")))
    seconds = time.perf_counter() - start
    rss = rss_mb() - base
    events, warnings = len(doc.events), len(doc.warnings)
    del doc
    tracemalloc.start()
    pipeline(Document(text, ArticleMeta(published="2018-05-05")))
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    queue.put((seconds, rss, traced, events, warnings))


def run_case(kind: str, size: int) -> tuple[float, float, float, int, int]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_run_case, args=(kind, size, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 800], help="sizes in KB")
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS))
    parser.add_argument("--no-megabyte", action="store_true", help="skip the 1 MB run of each kind")
    args = parser.parse_args()

    print("| kind | size | time (s) | x per doubling | allocated at peak (MiB) | x per doubling "
          "| peak RSS above start (MiB) | events | warnings |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in args.kinds:
        if kind == "real" and not CORPUS.exists():
            print(f"| {kind} | - | skipped: no corpus at {CORPUS} | | | | | | |")
            continue
        previous: tuple[float, float] | None = None
        sizes = [*args.sizes, *([] if args.no_megabyte else [1024])]
        for kb in sizes:
            seconds, rss, traced, events, warnings = run_case(kind, kb * KB)
            ratio_t = ratio_m = "-"
            if previous is not None and kb != 1024:
                ratio_t = f"{seconds / max(previous[0], 1e-9):.2f}"
                ratio_m = f"{traced / max(previous[1], 1e-9):.2f}"
            label = "1 MB" if kb == 1024 else f"{kb} KB"
            print(f"| {kind} | {label} | {seconds:.2f} | {ratio_t} | {traced:.1f} | {ratio_m} | {rss:.0f} "
                  f"| {events} | {warnings} |", flush=True)
            if kb != 1024:
                previous = (seconds, traced)


if __name__ == "__main__":
    main()
