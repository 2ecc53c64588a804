"""``rasd ingest --workers N`` end to end on the development corpus: the real command, in a child
process, into a fresh database, for each N.

    .venv/bin/python bench/bench_workers.py [--workers 1 2] [--limit N] [--backends sqlite,postgresql]

Wall time is the command's, start-up included. Peak RSS is the largest of the command and its
extraction workers (``RUSAGE_CHILDREN`` of a wrapper process that runs only the command).
PostgreSQL runs when ``RASD_BENCH_PG_URL`` (else ``RASD_TEST_PG_URL``) names a server and a role
allowed to create databases.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_ingest import fresh_pg_database, pg_server_url
from bench.common import REPO, corpus_or_skip

WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(code)
"""


def run(url: str, corpus: Path, workers: int, engine: str = "local") -> tuple[float, float]:
    command = [sys.executable, "-m", "rasd", "ingest", str(corpus), "--db", url, "--no-progress",
               "--workers", str(workers), "--engine", engine]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], cwd=REPO, capture_output=True, text=True,
                          check=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) / 1024


def sample(corpus: Path, limit: int, folder: Path) -> Path:
    if not limit:
        return corpus
    out = folder / f"first-{limit}.jsonl.gz"
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= limit:
                break
            dst.write(line)
    return out


def _count_lines(path: Path) -> int:
    with gzip.open(path, "rb") as fh:
        return sum(1 for _ in fh)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--limit", type=int, default=0, help="first N articles (0 = the whole corpus)")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--engines", nargs="+", choices=("local", "dask"), default=["local"])
    args = parser.parse_args()
    corpus = corpus_or_skip()
    backends = args.backends.split(",")
    with tempfile.TemporaryDirectory() as folder:
        data = sample(corpus, args.limit, Path(folder))
        articles = args.limit or _count_lines(corpus)
        print(f"{articles} articles")
        print("| backend | engine | workers | time (s) | articles/s | peak RSS of any process (MiB) |")
        print("| --- | --- | ---: | ---: | ---: | ---: |")
        for backend, engine, workers in ((b, e, w) for b in backends for e in args.engines for w in args.workers):
            if backend == "sqlite":
                url = f"sqlite:///{Path(folder) / f'{engine}-{workers}.db'}"
                seconds, rss = run(url, data, workers, engine)
            else:
                server = pg_server_url()
                if server is None:
                    print(f"| postgresql | {engine} | {workers} | skipped: no RASD_BENCH_PG_URL | | |")
                    continue
                with fresh_pg_database(server) as url:
                    seconds, rss = run(url, data, workers, engine)
            print(f"| {backend} | {engine} | {workers} | {seconds:.1f} | {articles / seconds:.0f} | {rss:.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
