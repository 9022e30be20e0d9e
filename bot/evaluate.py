"""`pressbot eval`: run a questions file through the command engine and score it (shared/eval/README.md)."""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.commands.engine import Engine
from bot.config import load_config
from bot.items import CityItem, PersonItem, QuoteItem
from bot.models import Answer
from bot.store import SnapshotStore
from bot.textnorm import collapse_ws, fold_accents

SECTIONS = ("who", "cities", "quote", "search", "unanswerable")
_STRAIGHT_QUOTES = str.maketrans("’‘“”", "''\"\"")


def norm(text: str, punctuation: bool = False) -> str:
    """The eval's normalization: casefold, straight quotes, accents stripped, whitespace collapsed."""
    text = fold_accents(text.casefold()).translate(_STRAIGHT_QUOTES)
    if punctuation:
        text = re.sub(r"[^\w\s]", " ", text)
    return collapse_ws(text)


def title_match(got: str, gold: str) -> bool:
    """Containment in either direction on whole words."""
    a, b = f" {norm(got, True)} ", f" {norm(gold, True)} "
    return a.strip() != "" and b.strip() != "" and (a in b or b in a)


def cites(ans: Answer, files: list[str]) -> bool:
    return any(c.path.endswith(f) for c in ans.citations for f in files)


@lru_cache(maxsize=4096)
def _file_text(path: str) -> str:
    try:
        return collapse_ws(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""


def verbatim(ans: Answer) -> list[bool]:
    return [collapse_ws(c.text) in _file_text(c.path) for c in ans.citations]


def score_who(item: dict, ans: Answer) -> dict[str, Any]:
    people = [{"name": item["name"], "titles": item["titles"], "sources": item["sources"]}]
    people += item.get("others", [])
    gold_titles = [t for p in people for t in p["titles"]]
    gold_files = [s["file"] for p in people for s in p["sources"]]
    got_titles = [t for i in ans.items if isinstance(i, PersonItem) for t in i.titles]
    ok_title = any(title_match(g, t) for g in got_titles for t in gold_titles)
    ok = ans.found and ok_title and cites(ans, gold_files)
    result = {"pass": ok, "title": ok_title, "cited": cites(ans, gold_files)}
    if item.get("ambiguous"):
        names = [norm(i.name) for i in ans.items if isinstance(i, PersonItem)]
        named = sum(1 for p in people if any(norm(p["name"].split()[-1]) in n and
                                             norm(p["name"].split()[0]) in n for n in names))
        result["disambiguated"] = named >= 2 or "different people" in ans.summary
    return result


def score_cities(item: dict, ans: Answer) -> dict[str, Any]:
    also = {norm(c) for c in item.get("also_ok") or []}
    gold = {norm(c) for c in item["cities"]}
    excluded = {norm(c) for c in item.get("excluded") or []}
    pred = {norm(i.city) for i in ans.items if isinstance(i, CityItem) and i.status == "included"} - also
    violation = bool(pred & excluded)
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 0.0 if violation or not tp else 2 * p * r / (p + r)
    return {"f1": f1, "violation": violation, "pass": f1 >= 0.999,
            "missing": sorted(gold - pred), "extra": sorted(pred - gold)}


def score_quote(item: dict, ans: Answer) -> dict[str, Any]:
    heads = [norm(q)[:60] for q in item["quotes"]]
    files = [s["file"] for s in item["sources"]]
    got = [norm(i.text) for i in ans.items if isinstance(i, QuoteItem)]
    ok_text = any(h in g for h in heads for g in got)
    return {"pass": ok_text and cites(ans, files), "text": ok_text}


def score_search(item: dict, ans: Answer) -> dict[str, Any]:
    rank = 0
    for n, c in enumerate(ans.citations, start=1):
        para = norm(c.text)
        for rel in item["relevant"]:
            ev = norm(rel["evidence"])
            if c.path.endswith(rel["file"]) and (ev in para or (para in ev and len(para) >= 40)):
                rank = n
                break
        if rank:
            break
    return {"rr": 1 / rank if rank else 0.0, "rank": rank, "pass": rank == 1}


def score_unanswerable(_item: dict, ans: Answer) -> dict[str, Any]:
    return {"pass": not ans.found and not ans.citations}


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
            ans = engine.ask(text)
            latency[ans.command].append((time.perf_counter() - t) * 1000)
            checks.extend(verbatim(ans))
            scorer = {"who": score_who, "cities": score_cities, "quote": score_quote, "search": score_search,
                      "unanswerable": score_unanswerable}[section]
            rows.append({"section": section, "query": text, "summary": ans.summary, **scorer(item, ans)})

    def of(section: str) -> list[dict]:
        return [r for r in rows if r["section"] == section]

    def rate(rs: list[dict], key: str = "pass") -> float:
        return round(sum(1 for r in rs if r.get(key)) / len(rs), 4) if rs else 0.0

    who_rows, city_rows, search_rows = of("who"), of("cities"), of("search")
    amb = [r for r in who_rows if "disambiguated" in r]
    summary = {
        "who": {"n": len(who_rows), "accuracy": rate(who_rows), "disambiguation": rate(amb, "disambiguated")},
        "cities": {"n": len(city_rows),
                   "macro_f1": round(statistics.fmean(r["f1"] for r in city_rows), 4) if city_rows else 0.0,
                   "violations": sum(1 for r in city_rows if r["violation"])},
        "quote": {"n": len(of("quote")), "accuracy": rate(of("quote"))},
        "search": {"n": len(search_rows),
                   "mrr": round(statistics.fmean(r["rr"] for r in search_rows), 4) if search_rows else 0.0,
                   "hit1": rate(search_rows, "pass"),
                   "hit5": round(sum(1 for r in search_rows if 0 < r["rank"] <= 5) / len(search_rows), 4)
                   if search_rows else 0.0},
        "unanswerable": {"n": len(of("unanswerable")), "accuracy": rate(of("unanswerable"))},
        "citations_verbatim": round(sum(checks) / len(checks), 4) if checks else 1.0,
        "latency_ms": {cmd: {"p50": round(statistics.median(v), 2),
                             "p95": round(sorted(v)[max(0, int(len(v) * 0.95) - 1)], 2)}
                       for cmd, v in latency.items()},
    }
    return summary, rows


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
    from bot.progress import ProgressBar

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
    if getattr(args, "show_failures", False):
        for r in rows:
            if not r.get("pass"):
                print(json.dumps(r, ensure_ascii=False), file=sys.stderr)
    return 0
