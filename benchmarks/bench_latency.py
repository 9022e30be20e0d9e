"""Latency benchmark: per command p50/p99/max over realistic queries, the first answer after a load, and
the garbage-collection pause on the loaded snapshot.

    python benchmarks/bench_latency.py [--corpus DIR ...] [--queries 100] [--cache-dir DIR] [--json]

Loads (or builds once) the snapshot of the full prosecutors' corpus + demo, takes the first answer of
each command right after the load, warms up, then times >= `--queries` queries per command: names from
the people index (surnames, full names, misspellings), topics from release titles, question-style
searches built from the dev eval's patterns. The GC pause is a full `gc.collect()` with the snapshot
loaded, measured twice: before `gc.freeze()` (what a command would absorb) and after it (what pressbot
does once a snapshot is loaded). `--json` prints {"commands": {cmd: {p50_ms, p99_ms, max_ms, n}},
"first_ms": {cmd: ms}, "gc_pause_ms": ms, "gc_pause_unfrozen_ms": ms, ...}."""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.commands.engine import Engine  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.store import SnapshotStore  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpora" / "prosecutors", ROOT / "corpus"]
QUESTIONS = ("how much money did {t}", "why did {t}", "when will {t}", "how many {t}", "what is {t}", "{t}")


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1:]


def make_queries(engine: Engine, n: int, seed: int = 5) -> dict[str, list[str]]:
    """Realistic queries per command, drawn from the loaded corpus."""
    rng = random.Random(seed)
    snap = engine.store.snapshot
    people = [p for p in snap.entities.people if p.first and p.evidence >= 2]
    rng.shuffle(people)
    names = [p.last for p in people[:n // 3]] + [f"{p.first} {p.last}" for p in people[n // 3:2 * n // 3]]
    names += [_typo(rng, p.last) for p in people[2 * n // 3:n]]
    titles = [r.title for r in snap.corpus.releases.values() if 20 <= len(r.title) <= 120]
    rng.shuffle(titles)
    topics = [" ".join(t.split()[:rng.randint(2, 5)]) for t in titles[:n]]
    searches = [rng.choice(QUESTIONS).format(t=" ".join(t.split()[:rng.randint(3, 8)]).lower()) for t in titles[n:2 * n]]
    quoted = [p.last for p in people if snap.entities.quotes_by_person.get(p.id)][:n]
    return {"who": names, "quote": quoted, "cities": topics, "search": searches}


def timed(engine: Engine, line: str) -> float:
    t = time.perf_counter()
    engine.ask(line)
    return (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--cache-dir", help="where the snapshot is saved (default: the config's corpus.cache_dir)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    cfg = load_config(None, [str(p) for p in (args.corpus or DEFAULT)])
    if args.cache_dir:
        cfg.corpus.cache_dir = str(Path(args.cache_dir).resolve())
    t = time.perf_counter()
    store = SnapshotStore.open(cfg, warm=True)
    load_s = time.perf_counter() - t
    engine = Engine(store)
    first = {cmd: round(timed(engine, line), 2) for cmd, line in
             (("who", "who Garrison"), ("cities", "cities Relentless Pursuit"), ("quote", "quote Barr"),
              ("search", "search why did the police arrest the suspect"))}
    queries = make_queries(engine, args.queries)
    for cmd, lines in queries.items():  # warm-up: kernels, caches, lazy tables
        for line in lines[:10]:
            engine.ask(f"{cmd} {line}")
    gc.unfreeze()
    t = time.perf_counter()
    gc.collect()
    unfrozen = (time.perf_counter() - t) * 1000
    gc.freeze()
    t = time.perf_counter()
    gc.collect()
    frozen = (time.perf_counter() - t) * 1000
    commands = {}
    for cmd, lines in queries.items():
        ms = sorted(timed(engine, f"{cmd} {line}") for line in lines)
        commands[cmd] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 2),
                         "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 2), "max_ms": round(ms[-1], 2)}
    out = {"releases": len(store.snapshot.corpus.releases), "paragraphs": len(store.snapshot.corpus.paragraphs),
           "load_s": round(load_s, 2), "commands": commands, "first_ms": first,
           "gc_pause_ms": round(frozen, 2), "gc_pause_unfrozen_ms": round(unfrozen, 2)}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{out['releases']} releases, {out['paragraphs']} paragraphs; snapshot ready in {out['load_s']} s")
    print(f"{'command':<8}{'n':>5}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'first ms':>10}")
    for cmd, c in commands.items():
        print(f"{cmd:<8}{c['n']:>5}{c['p50_ms']:>9}{c['p99_ms']:>9}{c['max_ms']:>9}{first.get(cmd, 0):>10}")
    print(f"full GC pause with the snapshot loaded: {unfrozen:.1f} ms before gc.freeze(), {frozen:.1f} ms after")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
