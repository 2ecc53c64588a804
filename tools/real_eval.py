"""The real-text evaluation set (``eval/real/``): draw the sample, help annotators, check gold files.

    .venv/bin/python tools/real_eval.py sample [--seed 2018] [--size 210]   # writes eval/real/sample.tsv
    .venv/bin/python tools/real_eval.py show DOCNO                          # the article, paragraph offsets
    .venv/bin/python tools/real_eval.py locate DOCNO PHRASE                 # every offset of PHRASE
    .venv/bin/python tools/real_eval.py check FILE_OR_FOLDER                # validate gold lines

The sample is stratified without running the pipeline (annotators read articles *before* any
extraction): by outlet, by category group (news vs. economy/sport/technology/culture), by how
many violence words the text holds (counted with the package's trigger lexicons, raw substring
hits on normalized text) and by the country the article names most. Long articles (wire recaps of
a war) get a quota of their own. Each stratum is split 70/30 into dev and held-out.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from rasd.evaluate.real import CORPUS_DEFAULT, load_real_gold, validate_real_line
from rasd.lang.ar import read_tsv_path
from rasd.normalize.normalizer import normalize_phrase

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "rasd" / "lang" / "ar"
SAMPLE = ROOT / "eval" / "real" / "sample.tsv"
NEWS = {"middleEast", "internationalNews"}
LONG_CHARS = 4000

# stratum -> share of the sample
QUOTAS = {
    "news-violent-long": 0.12,  # many violence words and long: wires recapping a war
    "news-violent": 0.45,  # many violence words: likely incidents
    "news-some": 0.25,  # one or two violence words: condemnations, trials, politics…
    "other-some": 0.12,  # sport/economy/culture/technology that still use violence words
    "news-none": 0.06,  # news without violence words
}
VIOLENT_TRIGGER_FILES = (
    "air_drone_strike",
    "armed_clash",
    "attack",
    "shelling_artillery_missile_attack",
    "peaceful_protest",
    "suicide_bomb",
    "remote_explosive_landmine_ied",
    "abduction_forced_disappearance",
)
HELDOUT_SLOTS = {2, 5, 8}  # positions (mod 10) inside a stratum that go to held-out


def iter_corpus(path: Path = CORPUS_DEFAULT) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _phrases(path: Path, column: str, strong_only: bool) -> set[str]:
    out: set[str] = set()
    for row in read_tsv_path(path):
        if strong_only and row.get("strength", "strong") != "strong":
            continue
        out.update(p for p in row.get(column, "").split("|") if len(p) >= 4)
    return out


def violence_words() -> set[str]:
    """Casualty words plus the strong triggers of the violent sub-event types."""
    words = _phrases(LANG / "casualties" / "triggers.tsv", "ar", strong_only=False)
    for name in VIOLENT_TRIGGER_FILES:
        words |= _phrases(LANG / "triggers" / f"{name}.tsv", "ar", strong_only=True)
    return words


def country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in read_tsv_path(LANG / "places" / "countries.tsv"):
        for name in row["ar"].split("|"):
            names[name] = row["iso2"] if "iso2" in row else next(iter(row.values()))
    return names


def describe(row: dict, words: set[str], countries: dict[str, str]) -> dict:
    norm = " " + normalize_phrase(row.get("text") or "") + " "
    cue = sum(norm.count(w) for w in words)
    tally = Counter({iso: norm.count(" " + name) for name, iso in countries.items()})
    top = tally.most_common(1)[0] if tally else ("", 0)
    return {
        "docno": row["docno"],
        "outlet": row["source"],
        "category": row["category"],
        "chars": len(row.get("text") or ""),
        "cue": cue,
        "country": top[0] if top[1] else "-",
    }


def stratum(info: dict) -> str | None:
    news = info["category"] in NEWS
    if info["chars"] < 200:
        return None
    if news and info["cue"] >= 3:
        return "news-violent-long" if info["chars"] >= LONG_CHARS else "news-violent"
    if news and info["cue"] >= 1:
        return "news-some"
    if not news and info["cue"] >= 1:
        return "other-some"
    return "news-none" if news else None


def spread_pick(items: list[dict], count: int, rng: random.Random) -> list[dict]:
    """Half from each outlet; within an outlet, a country's share grows like the square root of its
    article count, so Syria and Yemen lead but no country crowds out the others."""
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        by_outlet[item["outlet"]].append(item)
    picked: list[dict] = []
    outlets = sorted(by_outlet)
    for n, outlet in enumerate(outlets):
        members = by_outlet[outlet]
        want = count // len(outlets) + (1 if n < count % len(outlets) else 0)
        cell_size = Counter(m["country"] for m in members)
        # weighted sampling without replacement (Efraimidis–Spirakis keys), weight 1/sqrt(cell size)
        keyed = sorted(members, key=lambda m: rng.random() ** (cell_size[m["country"]] ** 0.5), reverse=True)
        picked.extend(keyed[:want])
    rng.shuffle(picked)
    return picked


def draw_sample(size: int, seed: int) -> list[dict]:
    words, countries = violence_words(), country_names()
    pools: dict[str, list[dict]] = defaultdict(list)
    for row in iter_corpus():
        info = describe(row, words, countries)
        name = stratum(info)
        if name:
            info["stratum"] = name
            pools[name].append(info)
    rng = random.Random(seed)
    sample: list[dict] = []
    for name, share in QUOTAS.items():
        picked = spread_pick(sorted(pools[name], key=lambda i: i["docno"]), round(size * share + 1e-9), rng)
        for pos, info in enumerate(picked):
            info["split"] = "heldout" if pos % 10 in HELDOUT_SLOTS else "dev"
        sample.extend(picked)
    return sample


def cmd_sample(args: argparse.Namespace) -> int:
    sample = draw_sample(args.size, args.seed)
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    cols = ("docno", "split", "stratum", "outlet", "category", "country", "chars", "cue", "batch")
    with SAMPLE.open("w", encoding="utf-8") as fh:
        fh.write(f"# Real-text evaluation sample: tools/real_eval.py sample --seed {args.seed} --size {args.size}\n")
        fh.write("\t".join(cols) + "\n")
        for n, info in enumerate(sample):
            info["batch"] = n % args.batches + 1
            fh.write("\t".join(str(info[c]) for c in cols) + "\n")
    print(Counter((i["stratum"], i["split"]) for i in sample))
    print(Counter(i["outlet"] for i in sample), Counter(i["country"] for i in sample).most_common(15))
    return 0


def find_article(docno: str) -> dict:
    for row in iter_corpus():
        if row["docno"] == docno:
            return row
    raise SystemExit(f"{docno}: not in the corpus")


def cmd_extend(args: argparse.Namespace) -> int:
    """Append a further batch drawn from some strata only (e.g. more incident-rich articles)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    taken = {line.split("\t")[0] for line in lines[2:]}
    strata = set(args.strata.split(","))
    words, countries = violence_words(), country_names()
    pool = []
    for row in iter_corpus():
        if row["docno"] in taken:
            continue
        info = describe(row, words, countries)
        info["stratum"] = stratum(info)
        if info["stratum"] in strata:
            pool.append(info)
    rng = random.Random(args.seed)
    picked = spread_pick(sorted(pool, key=lambda i: i["docno"]), args.size, rng)
    cols = ("docno", "split", "stratum", "outlet", "category", "country", "chars", "cue", "batch")
    with SAMPLE.open("a", encoding="utf-8") as fh:
        for pos, info in enumerate(picked):
            info["split"] = "heldout" if pos % 10 in HELDOUT_SLOTS else "dev"
            info["batch"] = args.batch
            fh.write("\t".join(str(info[c]) for c in cols) + "\n")
    print(Counter((i["stratum"], i["split"]) for i in picked))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    row = find_article(args.docno)
    text = row["text"]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"docno: {row['docno']}\nsource: {row['source']}  category: {row['category']}\n"
          f"published: {row['published']}\nurl: {row['url']}\ntext_sha256: {sha}\ntitle: {row['title']}\n")
    start = 0
    for piece in text.split("\n"):
        if piece.strip():
            print(f"[{start}-{start + len(piece)}] {piece}")
        start += len(piece) + 1
    return 0


def cmd_locate(args: argparse.Namespace) -> int:
    text = find_article(args.docno)["text"]
    pos = text.find(args.phrase)
    if pos < 0:
        print("not found", file=sys.stderr)
        return 1
    while pos >= 0:
        print(f"{pos}\t{pos + len(args.phrase)}")
        pos = text.find(args.phrase, pos + 1)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    texts = {}
    wanted = set()
    path = Path(args.path)
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    problems = 0
    lines = []
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                lines.append((f"{file}:{n}", json.loads(line)))
                wanted.add(lines[-1][1]["article"]["id"])
    for row in iter_corpus():
        if row["docno"] in wanted:
            texts[row["docno"]] = row["text"]
    for origin, obj in lines:
        for problem in validate_real_line(obj, texts.get(obj["article"]["id"])):
            print(f"{origin}: {problem}")
            problems += 1
    if not problems:
        print(f"{len(lines)} lines OK; {len(load_real_gold(path))} articles load")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample")
    p.add_argument("--seed", type=int, default=2018)
    p.add_argument("--size", type=int, default=210)
    p.add_argument("--batches", type=int, default=6)
    p.set_defaults(run=cmd_sample)
    p = sub.add_parser("extend")
    p.add_argument("--seed", type=int, default=2019)
    p.add_argument("--size", type=int, default=40)
    p.add_argument("--strata", default="news-violent,news-violent-long")
    p.add_argument("--batch", type=int, default=7)
    p.set_defaults(run=cmd_extend)
    p = sub.add_parser("show")
    p.add_argument("docno")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("locate")
    p.add_argument("docno")
    p.add_argument("phrase")
    p.set_defaults(run=cmd_locate)
    p = sub.add_parser("check")
    p.add_argument("path")
    p.set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
