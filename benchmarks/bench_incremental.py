"""Incremental index vs full rebuild on the full dev corpus, in one run.

    python benchmarks/bench_incremental.py [--json] [--corpus DIR] [--work DIR] [--queries 200] [--qps 20]

Copies the corpus into a work folder (never writes into the corpus given) without 111 of its files, loads
(or builds and saves) the snapshot of that, then adds 1, 10 and then 100 of the held files with
`SnapshotStore.apply_files` while another thread keeps answering commands (`--qps` a second; errors
counted), and after each
add times a full rebuild over the same files and compares the two: the top 10 of paragraph search and of the
release index for `--queries` queries (the dev questions' queries plus name and topic words), as (release
id, paragraph number, score) with equal scores compared as sets; the people index; and, after the last
add, every dev question's full answer. Ends by removing one release incrementally. Prints the figures and
the machine's load (`--json`: one object).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.commands.engine import Engine  # noqa: E402
from bot.config import load_config  # noqa: E402
from bot.fingerprint import fingerprint  # noqa: E402
from bot.snapshot import Snapshot, build_snapshot  # noqa: E402
from bot.store import SnapshotStore  # noqa: E402
from tests.incremental.compare import people_view, release_groups, same_groups, search_groups  # noqa: E402

STEPS = (1, 10, 100)
QUESTIONS = ROOT.parent / "shared" / "eval" / "dev_questions.yaml"


def questions() -> list[tuple[str, str]]:
    """(command, query) of every dev question."""
    data = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    out = []
    for section, items in data.items():
        if isinstance(items, list):
            command = section if section in ("who", "quote", "cities", "search") else "search"
            out += [(command, str(q["query"])) for q in items if isinstance(q, dict) and q.get("query")]
    return out


def query_texts(snap: Snapshot, n: int, rng: random.Random) -> list[str]:
    """The dev questions' queries, then single name and topic words (people's surnames, title words)."""
    texts = list(dict.fromkeys(q for _, q in questions()))
    names = sorted({p.last for p in snap.entities.people if p.first and len(p.last) > 3})
    words = sorted({w for r in snap.corpus.releases.values() for w in r.title.split() if w.isalpha() and len(w) > 5})
    pool = rng.sample(names, min(len(names), n)) + rng.sample(words, min(len(words), n))
    rng.shuffle(pool)
    return (texts + pool)[:n]


def identical(a: Snapshot, b: Snapshot, queries: list[str]) -> tuple[float, float]:
    """The fractions of queries whose paragraph and release top 10 are the same in both snapshots."""
    para = sum(same_groups(search_groups(a, q), search_groups(b, q)) for q in queries) / len(queries)
    rel = sum(same_groups(release_groups(a, q), release_groups(b, q)) for q in queries) / len(queries)
    return para, rel


class Asker(threading.Thread):
    """Answers commands on the store's serving snapshot until stopped; counts answers and errors."""

    def __init__(self, engine: Engine, lines: list[str], qps: float) -> None:
        super().__init__(daemon=True)
        self.engine, self.lines, self.pause = engine, lines, 1 / qps if qps > 0 else 0.0
        self.answers = self.errors = 0
        self.stop = threading.Event()
        self.problems: list[str] = []

    def run(self) -> None:
        i = 0
        while not self.stop.is_set():
            line = self.lines[i % len(self.lines)]
            i += 1
            try:
                self.engine.ask(line)
                self.answers += 1
            except Exception as e:  # the figure: every failure, whatever it is
                self.errors += 1
                self.problems.append(f"{line}: {type(e).__name__}: {e}")
            if self.pause:
                self.stop.wait(self.pause)


def answers_equal(a: SnapshotStore, b: SnapshotStore) -> float:
    """The fraction of dev questions answered identically (citations by release id and paragraph number)."""
    qs = questions()
    ea, eb = Engine(a), Engine(b)
    same = sum(ea.ask(f"{c} {q}").to_dict() == eb.ask(f"{c} {q}").to_dict() for c, q in qs)
    return same / len(qs)


def setup(args: argparse.Namespace) -> tuple[Path, list[Path]]:
    """The work corpus without the held files (mtimes kept, so a rerun loads the saved snapshot)."""
    work = Path(args.work)
    corpus, held = work / "corpus", work / "held"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(args.corpus, corpus, copy_function=shutil.copy2)
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    rng = random.Random(args.seed)
    chosen = rng.sample(files, sum(STEPS))
    for f in chosen:
        dest = held / f.relative_to(corpus)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(f, dest)
    return work, chosen


def run(args: argparse.Namespace) -> dict:
    work, chosen = setup(args)
    cfg_file = work / "pressbot.yaml"
    cfg_file.write_text(f'corpus:\n  paths: ["{work / "corpus"}"]\n  cache_dir: "{args.cache}"\n  cache_keep: 20\n',
                        encoding="utf-8")
    cfg = load_config(cfg_file)
    t = time.perf_counter()
    store = SnapshotStore.open(cfg)
    out: dict = {"base_releases": len(store.snapshot.corpus.releases), "base_open_seconds": time.perf_counter() - t}
    rng = random.Random(args.seed)
    queries = query_texts(store.snapshot, args.queries, rng)
    asker = Asker(Engine(store), [f"{c} {q}" for c, q in questions()], args.qps)
    asker.start()
    out.update(add_seconds={}, steps={}, full_rebuild_seconds_each={})
    at, identical_all, full = 0, [], None
    for n in STEPS:
        paths = []
        for f in chosen[at:at + n]:
            shutil.copy2(work / "held" / f.relative_to(work / "corpus"), f)
            paths.append(f)
        at += n
        before = asker.answers
        t = time.perf_counter()
        result = store.apply_files(paths, [], "bench")
        out["add_seconds"][str(n)] = round(time.perf_counter() - t, 3)
        during = asker.answers - before
        t = time.perf_counter()
        full = build_snapshot(cfg, None, fingerprint(cfg))
        out["full_rebuild_seconds_each"][str(n)] = round(time.perf_counter() - t, 2)
        para, rel = identical(store.snapshot, full, queries)
        identical_all.append(min(para, rel))
        out["steps"][str(n)] = {"incremental": result.incremental, "rebuilt": result.rebuilt,
                                "added": len(result.added), "step_seconds": {k: round(v, 3) for k, v in
                                                                             result.steps.items()},
                                "queries_answered_during_add": during,
                                "identical_top10_paragraphs": para, "identical_top10_releases": rel,
                                "people_equal": people_view(store.snapshot) == people_view(full),
                                "same_fingerprint": store.snapshot.fingerprint == full.fingerprint}
    store.wait_saved()
    assert full is not None
    out["dev_answers_identical"] = answers_equal(store, SnapshotStore(cfg, full))
    gone = chosen[0]
    os.replace(gone, work / "held" / "removed.txt")
    t = time.perf_counter()
    result = store.apply_files([], [gone], "bench")
    out["remove_seconds"] = round(time.perf_counter() - t, 3)
    asker.stop.set()
    asker.join()
    out.update(full_rebuild_seconds=round(sum(out["full_rebuild_seconds_each"].values()) / len(STEPS), 2),
               identical_top10=min(identical_all), query_errors=asker.errors, queries_answered=asker.answers,
               query_problems=asker.problems[:5], queries_compared=len(queries),
               load_average=[round(x, 2) for x in os.getloadavg()], cpus=os.cpu_count())
    store.wait_saved()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "prosecutors"))
    ap.add_argument("--work", default="/tmp/pressbot-bench-incremental")
    ap.add_argument("--cache", default="/tmp/pressbot-bench-incremental-cache")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--qps", type=float, default=20, help="commands per second the other thread sends (0: flat out)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if Path(args.work).resolve().is_relative_to(Path(args.corpus).resolve()):
        sys.exit("--work must lie outside the corpus")
    out = run(args)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}: {v}")
    return 0 if out["query_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
