"""Latency benchmark: per command p50/p99/max over realistic queries, the first answer after a load, and
the garbage-collection pause on the loaded snapshot.

    python benchmarks/bench_latency.py [--corpus DIR ...] [--queries 200] [--scale N] [--cache-dir DIR] [--json]

Loads (or builds once) the snapshot of the full prosecutors' corpus + demo, takes the first answer of
each command right after the load, warms up, then times >= `--queries` queries per command: names from
the people index (surnames, full names, misspellings), topics from release titles, question-style
searches built from the dev eval's patterns; a third of the `cities` topics are capitalized names
('Operation Relentless Pursuit', 'Hate Crimes Bureau': the heaviest kind, checked word by word in each
candidate release). `--scale N` replicates the corpus N times with distinct ids and texts, as
`bench_ingest.py --scale` does (kept in `--scale-dir`, so a second run reuses its snapshot). The GC pause is a full `gc.collect()` with the snapshot
loaded, measured twice: before `gc.freeze()` (what a command would absorb) and after it (what pressbot
does once a snapshot is loaded). `--json` prints {"commands": {cmd: {p50_ms, p99_ms, max_ms, n}},
"first_ms": {cmd: ms}, "gc_pause_ms": ms, "gc_pause_unfrozen_ms": ms, ...}. p99 is the
ceil(0.99 n)-th fastest time. `cpu_p50_ms`/`cpu_p99_ms` are the answers' own CPU time (this thread's):
on a machine shared with other work, wall times include waiting for a core, CPU times do not."""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ingest import replicate  # noqa: E402

from bot.commands.engine import Engine  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.store import SnapshotStore  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpora" / "prosecutors", ROOT / "corpus"]
_NAME = re.compile(r"\b[A-Z][a-z]+(?: (?:of |the |for )?[A-Z][a-z]+){1,3}\b")  # 'Conviction Integrity Unit'
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
    topics = [" ".join(t.split()[:rng.randint(2, 5)]) for t in titles[:n - n // 3]]
    texts = snap.corpus.paragraphs.texts
    named = sorted({m.group(0) for pid in rng.sample(range(len(texts)), min(len(texts), 3000))
                    for m in _NAME.finditer(texts[pid])})
    rng.shuffle(named)
    topics += named[:n // 3]
    searches = [rng.choice(QUESTIONS).format(t=" ".join(t.split()[:rng.randint(3, 8)]).lower()) for t in titles[n:2 * n]]
    quoted = [p.last for p in people if snap.entities.quotes_by_person.get(p.id)][:n]
    return {"who": names, "quote": quoted, "cities": topics, "search": searches}


def percentile_99(ms: list[float]) -> float:
    """The ceil(0.99 n)-th fastest of `ms` (sorted): with 200 times, the second slowest."""
    return ms[max(0, math.ceil(0.99 * len(ms)) - 1)]


def scaled(corpus: list[str], copies: int, where: Path) -> list[str]:
    """The corpus and its replicas (bench_ingest.replicate; the demo corpus is not replicated), made once
    under `where` and reused: the same files keep the same fingerprint, so the snapshot is built once."""
    demo = [c for c in corpus if Path(c).resolve() == (ROOT / "corpus").resolve()]
    folders = [c for c in corpus if c not in demo]
    target = where / f"x{copies}"
    done = target / ".complete"
    if not done.exists():
        target.mkdir(parents=True, exist_ok=True)
        made = replicate(folders, copies, target)
        done.write_text("\n".join(made), encoding="utf-8")
    return done.read_text(encoding="utf-8").splitlines() + demo


def timed(engine: Engine, line: str, cpu: list[float] | None = None) -> float:
    """Wall milliseconds of one answer (its CPU milliseconds, this thread's, appended to `cpu`)."""
    t, c = time.perf_counter(), time.thread_time()
    engine.ask(line)
    if cpu is not None:
        cpu.append((time.thread_time() - c) * 1000)
    return (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", type=Path)
    ap.add_argument("--queries", type=int, default=200, help="queries per command (at least 100)")
    ap.add_argument("--scale", type=int, default=1, help="replicate the corpus N times (distinct ids)")
    ap.add_argument("--scale-dir", type=Path, default=Path("/tmp/pressbot-bench-scale"),
                    help="where --scale keeps its replicas (reused when present)")
    ap.add_argument("--cache-dir", help="where the snapshot is saved (default: the config's corpus.cache_dir)")
    ap.add_argument("--slowest", type=int, default=0, metavar="N", help="also list each command's N slowest queries")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = [str(p) for p in (args.corpus or DEFAULT)]
    if args.scale > 1:
        corpus = scaled(corpus, args.scale, args.scale_dir)
    cfg = load_config(None, corpus)
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
    slowest: dict[str, list[tuple[float, str]]] = {}
    for cmd, lines in queries.items():
        cpu: list[float] = []
        each = sorted(((timed(engine, f"{cmd} {line}", cpu), line) for line in lines), reverse=True)
        slowest[cmd] = [(round(t, 2), line) for t, line in each[:args.slowest]]
        ms = sorted(t for t, _ in each)
        cpu.sort()
        commands[cmd] = {"n": len(ms), "p50_ms": round(statistics.median(ms), 2),
                         "p99_ms": round(percentile_99(ms), 2), "max_ms": round(ms[-1], 2),
                         "cpu_p50_ms": round(statistics.median(cpu), 2), "cpu_p99_ms": round(percentile_99(cpu), 2)}
    out = {"scale": args.scale, "load_average": [round(x, 2) for x in os.getloadavg()],
           "releases": len(store.snapshot.corpus.releases), "paragraphs": len(store.snapshot.corpus.paragraphs),
           "load_s": round(load_s, 2), "commands": commands, "first_ms": first,
           "gc_pause_ms": round(frozen, 2), "gc_pause_unfrozen_ms": round(unfrozen, 2)}
    if args.slowest:
        out["slowest"] = slowest
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{out['releases']} releases, {out['paragraphs']} paragraphs; snapshot ready in {out['load_s']} s")
    print(f"load average {out['load_average']} on {os.cpu_count()} cores")
    print(f"{'command':<8}{'n':>5}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'first ms':>10}{'CPU p50':>9}{'CPU p99':>9}")
    for cmd, c in commands.items():
        print(f"{cmd:<8}{c['n']:>5}{c['p50_ms']:>9}{c['p99_ms']:>9}{c['max_ms']:>9}{first.get(cmd, 0):>10}"
              f"{c['cpu_p50_ms']:>9}{c['cpu_p99_ms']:>9}")
    print(f"full GC pause with the snapshot loaded: {unfrozen:.1f} ms before gc.freeze(), {frozen:.1f} ms after")
    for cmd, worst in slowest.items() if args.slowest else ():
        print(f"slowest {cmd}: " + "; ".join(f"{t} ms '{line}'" for t, line in worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
