"""Train the event filter (``rasd/events/models/event_filter.json``) on the real dev split.

    .venv/bin/python tools/train_event_filter.py [--gold eval/real/dev] [--folds 5] [--write]

1. Runs the pipeline with the filter off over every annotated real dev article and keeps, for
   each predicted event, the signals of :mod:`rasd.events.signals`.
2. Labels each prediction with the evaluator's own matching: matched to a core gold event → 1,
   spurious → 0; matched to an optional (core: false) gold event → left out.
3. Fits an L2-regularised logistic regression (plain gradient descent: deterministic, no
   dependencies), picks the threshold that maximises F1 with precision first on out-of-fold
   predictions, and fits Platt scaling of the rules' own confidence for fatalities, location
   and actor1 on the matched pairs.
4. Prints cross-validated figures; with ``--write`` stores the model file.

Never train on ``eval/real/heldout``: it is the honest measure of what this model does.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "rasd" / "events" / "models" / "event_filter.json"
FIELD_KEYS = {"fatalities": "fatalities", "location": "location_25km", "actor1": "actor1"}


def collect(gold_path: Path) -> tuple[list[dict[str, float]], list[int], dict[str, list[tuple[float, int]]]]:
    os.environ["RASD_EVENT_FILTER"] = "off"
    from rasd.evaluate.gold import load_any_gold
    from rasd.evaluate.metrics import FIELDS, score_article
    from rasd.pipeline import extract

    rows: list[dict[str, float]] = []
    labels: list[int] = []
    fields: dict[str, list[tuple[float, int]]] = {k: [] for k in FIELD_KEYS}
    for art in load_any_gold(gold_path):
        meta = {k: art.article.get(k) for k in ("id", "url", "source", "published", "title")}
        doc = extract(art.text, **{k: v for k, v in meta.items() if v is not None})
        predicted = [e.to_dict() for e in doc.events]
        result = score_article(art, predicted, [])
        for p, g in result.pairs:
            rows.append(doc.events[p].signals)
            labels.append(1)
            for name, metric in FIELD_KEYS.items():
                raw = predicted[p]["confidence"].get(name)
                ok, given, _ = FIELDS[metric](predicted[p], art.events[g])
                if raw is not None and given:
                    fields[name].append((raw, int(ok)))
        for p in result.spurious:
            rows.append(doc.events[p].signals)
            labels.append(0)
    return rows, labels, fields


def collect_audits(paths: list[Path], corpus: Path | None = None) -> tuple[list[dict[str, float]], list[int]]:
    """Signals and labels from hand audits of what Rasd emitted on the shared corpus
    (``eval/audit/*.jsonl``: article, the audited event's fields, real or not). Each audited
    article is extracted again with the filter off; the audited event is found again by its event
    family, day and place (an event no longer emitted is left out). Audits hold no article text:
    the corpus supplies it. Rows flagged ``in_heldout`` are never used."""
    os.environ["RASD_EVENT_FILTER"] = "off"
    from rasd.evaluate.matching import TYPE_FAMILY
    from rasd.evaluate.real import corpus_path, iso_published, read_corpus_texts
    from rasd.pipeline import extract

    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    rows = [json.loads(line) for line in lines if line.strip()]
    rows = [r for r in rows if not r.get("in_heldout") and isinstance(r.get("event"), dict)]
    texts = read_corpus_texts(corpus_path(corpus), {r["article"] for r in rows})
    docs: dict[str, Any] = {}
    signals: list[dict[str, float]] = []
    labels: list[int] = []
    for r in rows:
        article = texts.get(r["article"])
        if article is None:
            continue
        if r["article"] not in docs:
            docs[r["article"]] = extract(article["text"], id=r["article"],
                                         published=iso_published(article.get("published")),
                                         title=article.get("title"), source=article.get("source"))
        want = r["event"]
        found = [e for e in docs[r["article"]].events
                 if TYPE_FAMILY.get(e.event_type or "") == TYPE_FAMILY.get(want.get("event_type") or "")
                 and e.event_date == want.get("event_date") and e.location == want.get("location")]
        if found:
            signals.append(found[0].signals)
            labels.append(int(bool(r["real"])))
    return signals, labels


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def fit_logistic(xs: list[list[float]], ys: list[int], l2: float = 1.0, steps: int = 3000, rate: float = 0.3
                 ) -> list[float]:
    """Full-batch gradient descent on the mean log-loss + l2/n·|w|² (bias, column 0, unpenalised)."""
    n, d = len(xs), len(xs[0])
    w = [0.0] * d
    for _ in range(steps):
        grad = [0.0] * d
        for x, y in zip(xs, ys, strict=True):
            err = sigmoid(sum(wi * xi for wi, xi in zip(w, x, strict=True))) - y
            for j, xj in enumerate(x):
                if xj:
                    grad[j] += err * xj
        for j in range(d):
            penalty = 0.0 if j == 0 else l2 * w[j]
            w[j] -= rate * (grad[j] + penalty) / n
    return w


def predict(w: list[float], x: list[float]) -> float:
    return sigmoid(sum(wi * xi for wi, xi in zip(w, x, strict=True)))


def out_of_fold(xs: list[list[float]], ys: list[int], folds: int, l2: float) -> list[float]:
    order = list(range(len(xs)))
    random.Random(7).shuffle(order)
    probs = [0.0] * len(xs)
    for k in range(folds):
        test = set(order[k::folds])
        train = [i for i in order if i not in test]
        w = fit_logistic([xs[i] for i in train], [ys[i] for i in train], l2)
        for i in test:
            probs[i] = predict(w, xs[i])
    return probs


def pr_at(probs: list[float], ys: list[int], threshold: float, positives_total: int) -> tuple[float, float, float]:
    tp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= threshold and y)
    fp = sum(1 for p, y in zip(probs, ys, strict=True) if p >= threshold and not y)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / positives_total if positives_total else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


def choose_threshold(probs: list[float], ys: list[int], beta: float) -> float:
    """The threshold maximising F-beta (beta < 1 weighs precision more) over out-of-fold scores."""
    best, best_t = -1.0, 0.5
    for t in [i / 100 for i in range(5, 96)]:
        p, r, _ = pr_at(probs, ys, t, sum(ys))
        score = (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0
        if score > best:
            best, best_t = score, t
    return best_t


def fit_platt(points: list[tuple[float, int]]) -> tuple[float, float]:
    xs = [[1.0, math.log(min(max(c, 1e-3), 1 - 1e-3) / (1 - min(max(c, 1e-3), 1 - 1e-3)))] for c, _ in points]
    w = fit_logistic(xs, [y for _, y in points], l2=0.1, steps=2000)
    return round(w[1], 4), round(w[0], 4)


def ece(probs: list[float], ys: list[int]) -> float:
    from rasd.evaluate.calibration import Reliability

    rel = Reliability()
    for p, y in zip(probs, ys, strict=True):
        rel.add(p, bool(y))
    return rel.ece()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "real" / "dev")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--beta", type=float, default=0.7, help="F-beta for the threshold (<1 favours precision)")
    parser.add_argument(
        "--threshold",
        type=float,
        help="emit events from this probability on (default: the out-of-fold F-beta optimum); the shipped "
        "model uses a low one so that only very unlikely events are dropped and the probability is left "
        "to users as the event's confidence",
    )
    parser.add_argument(
        "--exclude",
        default="type_,sub_",
        help="comma-separated prefixes of signals left out of the model (default: the event-type ones, "
        "too few examples per type to weigh them)",
    )
    parser.add_argument("--audit", type=Path, action="append", default=[],
                        help="a hand audit of emitted events (eval/audit/*.jsonl with event fields) to train on too")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if "heldout" in str(args.gold):
        print("refusing to train on a held-out split", file=sys.stderr)
        return 2
    rows, ys, fields = collect(args.gold)
    if args.audit:
        audit_rows, audit_ys = collect_audits(args.audit)
        print(f"{len(audit_ys)} audited events found again ({sum(audit_ys)} real)")
        rows, ys = rows + audit_rows, ys + audit_ys
    excluded = tuple(args.exclude.split(",")) if args.exclude else ()
    names = ["bias", *sorted(k for k in rows[0] if k != "bias" and not k.startswith(("_", *excluded)))]
    xs = [[row.get(n, 0.0) for n in names] for row in rows]
    print(f"{len(ys)} predictions, {sum(ys)} real, {len(ys) - sum(ys)} not")
    oof = out_of_fold(xs, ys, args.folds, args.l2)
    best = choose_threshold(oof, ys, args.beta)
    p, r, f = pr_at(oof, ys, best, sum(ys))
    print(f"out-of-fold optimum: threshold {best:.2f}  P {p:.3f}  R(of predicted real) {r:.3f}  F1 {f:.3f}")
    threshold = best if args.threshold is None else args.threshold
    p, r, f = pr_at(oof, ys, threshold, sum(ys))
    print(f"out-of-fold: threshold {threshold:.2f}  P {p:.3f}  R(of predicted real) {r:.3f}  F1 {f:.3f}  "
          f"ECE {ece(oof, ys):.3f}")
    weights = fit_logistic(xs, ys, args.l2)
    model: dict[str, Any] = {
        "version": datetime.now(UTC).strftime("%Y%m%d"),
        "trained_on": " + ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p)
                                 for p in [args.gold, *args.audit]),
        "examples": {"real": sum(ys), "not": len(ys) - sum(ys)},
        "cross_validated": {"precision": round(p, 4), "recall_of_predicted": round(r, 4), "f1": round(f, 4)},
        "threshold": threshold,
        "weights": {n: round(w, 4) for n, w in zip(names, weights, strict=True)},
        "fields": {name: fit_platt(points) for name, points in fields.items() if len(points) >= 10},
    }
    for name, (a, b) in model["fields"].items():
        print(f"field {name}: Platt a={a} b={b} on {len(fields[name])} pairs")
    if args.write:
        MODEL.parent.mkdir(parents=True, exist_ok=True)
        MODEL.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
