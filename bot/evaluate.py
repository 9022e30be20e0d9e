"""`pressbot eval`: run a questions file through the command engine and score it (shared/eval/README.md).

The rules live in `bot.eval_scoring`; this module runs the questions, aggregates per section and per
source, and prints the tables."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from bot.commands.engine import Engine
from bot.config import load_config
from bot.eval_scoring import SCORERS, item_source, verbatim
from bot.progress import ProgressBar
from bot.store import SnapshotStore

SECTIONS = ("who", "cities", "quote", "search", "unanswerable")


def default_corpus(questions: dict, base: Path) -> list[Path]:
    """The folders the questions cite: shared/corpora/.../<county> and shared/seed."""
    folders: set[Path] = set()
    for section in SECTIONS:
        for item in questions.get(section) or []:
            people = [item] + (item.get("others") or [])
            for src in [s for p in people for s in p.get("sources", [])] + item.get("relevant", []):
                folders.add((base / src["file"]).parent)
    return sorted(f for f in folders if f.is_dir())


def evaluate(engine: Engine, questions: dict) -> tuple[dict[str, Any], list[dict]]:
    """Score every question; returns (summary, per-question rows)."""
    rows: list[dict] = []
    latency: dict[str, list[float]] = defaultdict(list)
    checks: list[bool] = []
    for section in SECTIONS:
        for item in questions.get(section) or []:
            text = item["query"] if section == "unanswerable" else f"{section} {item['query']}"
            t = time.perf_counter()
            answer = engine.ask(text)
            latency[answer.command].append((time.perf_counter() - t) * 1000)
            ans = answer.to_dict()
            checks.extend(verbatim(ans))
            rows.append({"section": section, "query": text, "source": item_source(item),
                         "added": item.get("added", 1), "summary": ans["summary"], **SCORERS[section](item, ans)})
    summary = summarize(rows)
    summary["citations_verbatim"] = round(sum(checks) / len(checks), 4) if checks else 1.0
    summary["latency_ms"] = {cmd: {"p50": round(statistics.median(v), 2),
                                   "p95": round(sorted(v)[max(0, int(len(v) * 0.95) - 1)], 2)}
                             for cmd, v in latency.items()}
    summary["by_source"] = {src: summarize([r for r in rows if r["source"] == src])
                            for src in sorted({r["source"] for r in rows})}
    return summary, rows


def _rate(rs: list[dict], key: str = "pass") -> float:
    judged = [r for r in rs if r.get(key) is not None]
    return round(sum(1 for r in judged if r[key]) / len(judged), 4) if judged else 0.0


def summarize(rows: list[dict]) -> dict[str, Any]:
    """Per-section figures of a set of scored rows."""
    def of(section: str) -> list[dict]:
        return [r for r in rows if r["section"] == section]

    who, city, search = of("who"), of("cities"), of("search")
    return {
        "who": {"n": len(who), "accuracy": _rate(who),
                "disambiguation": _rate([r for r in who if "disambiguated" in r], "disambiguated")},
        "cities": {"n": len(city),
                   "macro_f1": round(statistics.fmean(r["f1"] for r in city), 4) if city else 0.0,
                   "violations": sum(1 for r in city if r["violation"])},
        "quote": {"n": len(of("quote")), "accuracy": _rate(of("quote"))},
        "search": {"n": len(search),
                   "mrr": round(statistics.fmean(r["rr"] for r in search), 4) if search else 0.0,
                   "hit1": _rate(search),
                   "hit5": round(sum(1 for r in search if 0 < r["rank"] <= 5) / len(search), 4) if search else 0.0},
        "unanswerable": {"n": len(of("unanswerable")), "accuracy": _rate(of("unanswerable"))},
    }


def _figure(section: str, s: dict[str, Any]) -> str:
    """A section's headline figure, as the tables print it."""
    if not s["n"]:
        return "-"
    if section == "cities":
        return f"{s['macro_f1']:.3f}" + (f" ({s['violations']}v)" if s["violations"] else "")
    if section == "search":
        return f"{s['mrr']:.3f}"
    return f"{s['accuracy']:.3f}"


def print_table(summary: dict[str, Any]) -> None:
    print(f"{'section':<14}{'n':>4}  score")
    print(f"{'who':<14}{summary['who']['n']:>4}  accuracy {summary['who']['accuracy']:.3f}, "
          f"disambiguation {summary['who']['disambiguation']:.3f}")
    print(f"{'cities':<14}{summary['cities']['n']:>4}  macro-F1 {summary['cities']['macro_f1']:.3f}, "
          f"violations {summary['cities']['violations']}")
    print(f"{'quote':<14}{summary['quote']['n']:>4}  accuracy {summary['quote']['accuracy']:.3f}")
    s = summary["search"]
    print(f"{'search':<14}{s['n']:>4}  MRR {s['mrr']:.3f}, hit@1 {s['hit1']:.3f}, hit@5 {s['hit5']:.3f}")
    print(f"{'unanswerable':<14}{summary['unanswerable']['n']:>4}  accuracy {summary['unanswerable']['accuracy']:.3f}")
    print(f"citations verbatim: {summary['citations_verbatim']:.4f}")
    print("latency ms: " + ", ".join(f"{c} p50 {v['p50']} / p95 {v['p95']}" for c, v in summary["latency_ms"].items()))


def print_by_source(summary: dict[str, Any]) -> None:
    """One row per source, one column per section (n in brackets): who and quote accuracy, cities
    macro-F1 (violations), search MRR, unanswerable accuracy."""
    sources = summary["by_source"]
    print(f"\n{'source':<14}" + "".join(f"{s:>16}" for s in SECTIONS))
    for src, figs in [*sources.items(), ("all", summary)]:
        cells = [f"{_figure(sec, figs[sec])} [{figs[sec]['n']}]" if figs[sec]["n"] else "-" for sec in SECTIONS]
        print(f"{src:<14}" + "".join(f"{c:>16}" for c in cells))


def run_eval(args: argparse.Namespace) -> int:
    qfile = Path(args.questions)
    try:
        questions = yaml.safe_load(qfile.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        print(f"cannot read questions file {qfile}: {e}", file=sys.stderr)
        return 2
    base = qfile.resolve().parent.parent
    corpus = args.corpus or [str(p) for p in default_corpus(questions, base)]
    cfg = load_config(args.config, corpus)
    t = time.perf_counter()
    store = SnapshotStore.open(cfg, ProgressBar(enabled=args.verbose), use_cache=not args.no_cache, warm=False)
    load_s = time.perf_counter() - t
    store.snapshot.index.warm_up()  # latency is measured in the steady state, kernel loaded
    store.snapshot.release_index.warm_up()
    summary, rows = evaluate(Engine(store), questions)
    summary["load_seconds"] = round(load_s, 2)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"corpus: {', '.join(corpus)} ({len(store.snapshot.corpus.releases)} releases, loaded in {load_s:.1f} s)")
        print_table(summary)
        if getattr(args, "by_source", False):
            print_by_source(summary)
    if getattr(args, "show_failures", False):
        for r in rows:
            if not r.get("pass"):
                print(json.dumps(r, ensure_ascii=False), file=sys.stderr)
    return 0
