"""Fusion cost on synthetic reports: the whole-collection path and the per-article path.

    .venv/bin/python bench/bench_fusion.py [--sizes 10000,100000,1000000] [--span fixed|scaled]
    .venv/bin/python bench/bench_fusion.py --incremental [--sizes 10000,100000]

Whole collection (``rasd refuse``): ``rasd.fusion.cluster_all`` over N reports
(bench/synthetic_reports.py: 30 countries, 20 towns each, ACLED sub-event types, ~30% of incidents
told by 2-5 of 6 outlets). Each size runs in a fresh process, so its peak RSS is its own. Then the
growth ratio time(10N)/time(N) against n log n (10 log 10N / log N) and n^2 (100).

``--span fixed`` (default) spreads every size over 10 years, as the issue's 1M benchmark: the
number of reports per country and day grows with N, so each report has more candidates.
``--span scaled`` keeps that density at the 1M level (span = 10 years x N / 1M): the growth a
database fed every day sees, and the test of the blocked index itself.

``--incremental``: an in-memory store (``rasd.fusion.MemorySource``, the index ``rasd ingest``
reads, kept in dicts) receives the reports one article at a time in publication order and
re-fuses what each article can change (``rasd.fusion.refuse``, as ``rasd ingest`` does). Prints
the per-article cost and the number of reports that decided again, by tenth of arrival: it must
stay flat as the database grows. Also checks that the final partition equals ``cluster_all``'s
(fusion does not depend on the path).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import percentile, rss_mb
from bench.synthetic_reports import TEN_YEARS_DAYS, b_cubed, make_reports
from rasd.fusion import MemorySource, Report, canonical_key, cluster_all

FULL_SIZE = 1_000_000


def span_for(n: int, span: str) -> int:
    if span == "fixed":
        return TEN_YEARS_DAYS
    return max(1, round(TEN_YEARS_DAYS * n / FULL_SIZE))


# -- whole collection ---------------------------------------------------------------------------


def run_whole(n: int, span: str, seed: int) -> None:
    """One size, in this process: generate, then time cluster_all. Prints one JSON line after
    each step (the parent keeps what came when it stops a size that runs too long)."""
    t0 = time.perf_counter()
    reports, truth = make_reports(n, seed=seed, span_days=span_for(n, span))
    row: dict[str, float] = {
        "n": n,
        "span_days": span_for(n, span),
        "generate_s": time.perf_counter() - t0,
        "incidents": len(set(truth)),
        "rss_input_mb": rss_mb(),
    }
    print(json.dumps(row), flush=True)
    t0 = time.perf_counter()
    clusters = cluster_all(reports)
    row["seconds"] = time.perf_counter() - t0
    predicted = {r.report_id: c.event_id for c in clusters for r in c.reports}
    precision, recall, f1 = b_cubed(predicted, {r.report_id: t for r, t in zip(reports, truth, strict=True)})
    row.update({"clusters": len(clusters), "largest": max(len(c.reports) for c in clusters),
                "b3_p": precision, "b3_r": recall, "b3_f1": f1, "rss_peak_mb": rss_mb()})
    print(json.dumps(row), flush=True)


def _child(n: int, span: str, seed: int, timeout: float) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(n), "--span", span, "--seed", str(seed)]
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, text=True)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.returncode:
            print(f"(N={n}: the run ended with status {process.returncode})")
        out.seek(0)
        lines = [line for line in out.read().splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {"n": n}


def whole(sizes: list[int], span: str, seed: int, timeout: float) -> None:
    print(f"cluster_all over synthetic reports (span {span}: "
          f"{'10 years for every size' if span == 'fixed' else 'reports per country-day as at 1M'}); "
          f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'N':>9} {'days':>5} {'per c-day':>9} {'time s':>8} {'reports/s':>10} {'clusters':>9} {'incidents':>9} "
          f"{'B3 F1':>6} {'RSS in':>7} {'RSS peak':>8} {'largest':>7}")
    rows: list[dict[str, float]] = []
    for n in sizes:
        row = _child(n, span, seed, timeout)
        days = span_for(n, span)
        density = n / (days * 30)
        if "seconds" in row:
            rows.append(row)
            print(f"{n:>9} {days:>5} {density:>9.2f} {row['seconds']:>8.1f} "
                  f"{n / row['seconds']:>10.0f} {row['clusters']:>9} {row['incidents']:>9} {row['b3_f1']:>6.3f} "
                  f"{row['rss_input_mb']:>6.0f}M {row['rss_peak_mb']:>7.0f}M {row['largest']:>7}", flush=True)
        else:
            rss = f"{row['rss_input_mb']:>6.0f}M" if "rss_input_mb" in row else f"{'-':>7}"
            print(f"{n:>9} {days:>5} {density:>9.2f} {'> ' + str(int(timeout)):>8} "
                  f"{'-':>10} {'-':>9} {row.get('incidents', '-'):>9} {'-':>6} "
                  f"{rss} {'-':>8}  (stopped after {timeout:.0f} s)", flush=True)
    for small, big in itertools.pairwise(rows):
        factor = big["n"] / small["n"]
        nlogn = factor * math.log(big["n"]) / math.log(small["n"])
        print(f"growth {small['n']} -> {big['n']}: time x{big['seconds'] / small['seconds']:.1f} "
              f"(n: x{factor:.0f}, n log n: x{nlogn:.1f}, n^2: x{factor * factor:.0f}); "
              f"time per report x{(big['seconds'] / big['n']) / (small['seconds'] / small['n']):.2f}")


# -- incremental ---------------------------------------------------------------------------------


def run_incremental(n: int, span: str, seed: int, timeout: float) -> None:
    reports, _ = make_reports(n, seed=seed, span_days=span_for(n, span))
    articles: dict[str, list[Report]] = {}
    for report in sorted(reports, key=canonical_key):  # arrival: publication order
        articles.setdefault(report.article_id, []).append(report)
    store = MemorySource()
    costs: list[float] = []
    sizes: list[int] = []
    t_all = time.perf_counter()
    for seeds in articles.values():
        t0 = time.perf_counter()
        change = store.ingest(seeds)
        costs.append(time.perf_counter() - t0)
        sizes.append(change.replayed)
        if t0 - t_all > timeout:
            break
    total = time.perf_counter() - t_all
    done = len(costs) == len(articles)
    event_of = {rid: eid for eid, ids in store.events.items() for rid in ids}
    if done:
        whole_partition = {r.report_id: c.event_id for c in cluster_all(reports) for r in c.reports}
        check = "yes" if _partition(event_of) == _partition(whole_partition) else "NO"
    else:
        check = f"not checked: stopped after {timeout:.0f} s at article {len(costs)} of {len(articles)}"
    days = span_for(n, span)
    print(f"N={n} over {days} days ({n / (30 * days):.2f} reports per country-day): {len(costs)} articles in "
          f"{total:.1f} s, {1000 * total / len(costs):.3f} ms/article, {len(set(event_of.values()))} events; "
          f"same partition as cluster_all: {check}; peak RSS {rss_mb():.0f} MiB")
    print(f"  {'arrivals':>15} {'mean ms':>8} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>8} {'replayed':>8} "
          f"{'most':>5}")
    tenth = max(1, len(articles) // 10)
    for k in range(0, len(costs), tenth):
        part, comp = costs[k:k + tenth], sizes[k:k + tenth]
        print(f"  {k + 1:>7}-{k + len(part):<7} {1000 * sum(part) / len(part):>8.3f} "
              f"{1000 * percentile(part, 0.5):>7.3f} {1000 * percentile(part, 0.95):>7.3f} {1000 * max(part):>8.1f} "
              f"{sum(comp) / len(comp):>8.2f} {max(comp):>5}")
    first, last = costs[:tenth], costs[(len(costs) - 1) // tenth * tenth:]
    print(f"  mean cost, last tenth done / first tenth: x{(sum(last) / len(last)) / (sum(first) / len(first)):.2f}")


def _partition(assignment: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for rid, cid in assignment.items():
        groups.setdefault(cid, set()).add(rid)
    return {frozenset(g) for g in groups.values()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", help="comma-separated report counts (default 10000,100000,1000000; "
                        "10000,100000 with --incremental)")
    parser.add_argument("--span", choices=("fixed", "scaled"), default="fixed")
    parser.add_argument("--incremental", action="store_true", help="time the per-article path instead")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--timeout", type=float, default=3600, metavar="SECONDS",
                        help="stop the run of one size after this long (default 3600); --incremental stops "
                        "feeding articles and shows the cost of those fed")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_whole(args.child, args.span, args.seed)
        return
    default = "10000,100000" if args.incremental else "10000,100000,1000000"
    sizes = [int(s.replace("_", "")) for s in (args.sizes or default).split(",") if s.strip()]
    if args.incremental:
        for n in sizes:
            run_incremental(n, args.span, args.seed, args.timeout)
    else:
        whole(sizes, args.span, args.seed, args.timeout)


if __name__ == "__main__":
    main()
