"""Scoped-query latency: the same queries unscoped, then with one embargo in force (every query is then
answered through a restricted view of the snapshot), in one process; per command p50/p99 and the ratio.

    python benchmarks/bench_scoped.py [--corpus DIR ...] [--queries 60] [--cache-dir DIR] [--json]

The embargo is set on one release after the load (as a release with `embargo:` in its front matter would
be), before any query, so no table the commands derive on first use is inherited from an unscoped query.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_latency import DEFAULT, make_queries, timed  # noqa: E402
from bot.commands.engine import Engine  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.store import SnapshotStore  # noqa: E402


def _run(engine: Engine, queries: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    for cmd, lines in queries.items():  # warm-up: lazy tables, the view
        for line in lines[:5]:
            engine.ask(f"{cmd} {line}")
    out = {}
    for cmd, lines in queries.items():
        ms = sorted(timed(engine, f"{cmd} {line}") for line in lines)
        out[cmd] = {"p50_ms": round(statistics.median(ms), 2), "p99_ms": round(ms[int(0.99 * (len(ms) - 1))], 2)}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--cache-dir", help="where the snapshot is saved (default: the config's corpus.cache_dir)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    cfg = load_config(None, [str(p) for p in (args.corpus or DEFAULT)])
    if args.cache_dir:
        cfg.corpus.cache_dir = str(Path(args.cache_dir).resolve())
    results = {}
    for label in ("unscoped", "embargo"):
        store = SnapshotStore.open(cfg, warm=True)
        if label == "embargo":
            releases = store.snapshot.corpus.releases
            rid = next(iter(releases))
            releases[rid] = dataclasses.replace(releases[rid], embargo="9999-01-01T00:00:00+00:00")
        engine = Engine(store)
        results[label] = _run(engine, make_queries(engine, args.queries))
    ratio = {cmd: round(results["embargo"][cmd]["p50_ms"] / max(results["unscoped"][cmd]["p50_ms"], 1e-3), 2)
             for cmd in results["unscoped"]}
    out = {**results, "p50_ratio_embargo_vs_unscoped": ratio}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{'command':<8}{'unscoped p50':>14}{'p99':>9}{'embargo p50':>13}{'p99':>9}{'ratio':>7}")
    for cmd, u in results["unscoped"].items():
        e = results["embargo"][cmd]
        print(f"{cmd:<8}{u['p50_ms']:>14}{u['p99_ms']:>9}{e['p50_ms']:>13}{e['p99_ms']:>9}{ratio[cmd]:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
