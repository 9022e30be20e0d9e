"""Retriever benchmark: pressbot's BM25 vs rank_bm25.BM25Okapi (the reference) vs bm25s, in one run.

    python benchmarks/bench_retriever.py --paragraphs 1000000 [--queries 300] [--ref-queries 30] [--json]

Paragraphs come from the real corpus (../shared/corpora/prosecutors, cleaned and tokenized by pressbot),
replicated with distinct ids to reach N. Queries are names and 2-4-word phrases drawn from the corpus.
rank_bm25 is slow (a Python loop over every paragraph), so it runs on a subset of the queries (marked);
speedup and identical_top10 compare the same queries. Peak RSS is the rise of the high-water mark (VmHWM)
during the build, each engine running in its own fresh interpreter.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import CorpusConfig  # noqa: E402
from bot.index.retriever import BM25Index  # noqa: E402
from bot.index.tokenizer import Tokenizer  # noqa: E402
from bot.ingest.corpus import load_corpus  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "prosecutors"


def _status(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> float:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    return _status("VmRSS")


def percentiles(ms: list[float]) -> dict[str, float]:
    s = sorted(ms)

    def pct(p: float) -> float:
        return round(s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))], 3)

    return {"p50": pct(50), "p95": pct(95), "p99": pct(99), "n_queries": len(s)}


def make_queries(docs: list[list[str]], n: int, seed: int = 11) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        d = docs[rng.randrange(len(docs))]
        if len(d) >= 4:
            i = rng.randrange(len(d) - 3)
            out.append(d[i:i + rng.randint(1, 4)])
    return out


def top10_ref(scores: np.ndarray) -> list[int]:
    idx = np.argsort(-scores, kind="stable")[:10]
    return [int(i) for i in idx if scores[i] > 0]


def run(args: argparse.Namespace) -> dict:
    t0 = time.perf_counter()
    corpus = load_corpus([Path(p) for p in args.corpus], CorpusConfig())
    tok = Tokenizer(stem=True)
    base = [tok(corpus.paragraphs[pid].text) for pid in corpus.index_pids]
    print(f"corpus: {len(base)} distinct paragraphs tokenized in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    target = args.paragraphs or len(base)
    docs = (base * -(-target // len(base)))[:target]
    queries = make_queries(base, args.queries)
    ref_queries = queries[: args.ref_queries]
    engines: dict[str, dict] = {}
    tops: dict[str, list[list[int]]] = {}
    lats: dict[str, list[float]] = {}
    global _DOCS, _QUERIES
    _DOCS, _QUERIES = docs, {"all": queries, "ref": ref_queries}
    for name in ("pressbot", "rank_bm25", "bm25s"):
        print(f"running {name} ...", file=sys.stderr)
        result = _in_child(name)
        if "error" in result:
            engines[name] = {"error": result["error"]}
            continue
        name = result.pop("name")
        tops[name], lats[name] = result.pop("top"), result.pop("lat")
        engines[name] = result
    n = len(ref_queries)
    identical = {name: round(sum(1 for a, b in zip(t[:n], tops["rank_bm25"], strict=True) if a == b) / n, 4)
                 for name, t in tops.items() if name != "rank_bm25"}
    p50_ref = engines["rank_bm25"]["p50"]
    # same queries for the ratio: pressbot's p50 over the reference subset
    p50_same = statistics.median(lats["pressbot"][:n])
    return {
        "n_paragraphs": len(docs),
        "engines": engines,
        "speedup_p50_vs_rank_bm25": round(p50_ref / max(p50_same, 1e-6), 1),
        "identical_top10": identical.get("pressbot", 0.0),
        "identical_top10_by_engine": identical,
    }


_DOCS: list[list[str]] = []
_QUERIES: dict[str, list[list[str]]] = {}


def _measure(build, query, queries: list[list[str]]) -> dict:
    """Build (tracking the rise of peak RSS) then time each query; returns figures, tops, latencies."""
    rss0 = _reset_peak()
    t = time.perf_counter()
    engine = build()
    out = {"build_s": round(time.perf_counter() - t, 2), "peak_rss_mb": round(_status("VmHWM") - rss0, 1)}
    if hasattr(engine, "warm_up"):
        engine.warm_up()  # pressbot: load the compiled kernel (a server does this in the background)
    query(engine, queries[0])  # warm-up (JIT compile or cache load)
    lat, top = [], []
    for q in queries:
        t = time.perf_counter()
        ids = query(engine, q)
        lat.append((time.perf_counter() - t) * 1000)
        top.append(ids)
    return {**out, **percentiles(lat), "lat": lat, "top": top, "engine": engine}


def _engine(name: str) -> dict:
    docs, queries, ref = _DOCS, _QUERIES["all"], _QUERIES["ref"]
    if name == "pressbot":
        r = _measure(lambda: BM25Index.build(docs), lambda ix, q: [d for d, _ in ix.top_k(q, 10)], queries)
        with tempfile.TemporaryDirectory() as tmp:
            r["engine"].save(Path(tmp) / "ix")
            r["index_mb"] = round(sum(f.stat().st_size for f in (Path(tmp) / "ix").iterdir()) / 1e6, 1)
            r["cold_start_s"] = cold_start(Path(tmp) / "ix", queries[0])
        return {"name": "pressbot", **r}
    if name == "rank_bm25":
        from rank_bm25 import BM25Okapi

        r = _measure(lambda: BM25Okapi(docs), lambda ix, q: top10_ref(ix.get_scores(q)), ref)
        return {"name": "rank_bm25", **r, "note": f"first {len(ref)} queries only"}
    import bm25s

    backend = "numba" if _has_numba() else "numpy"

    def build():
        b = bm25s.BM25(method="robertson", k1=1.5, b=0.75, backend=backend)
        b.index(docs, show_progress=False)
        return b

    def query(b, q):
        res, sc = b.retrieve([q], k=10, show_progress=False, n_threads=1)
        return [int(d) for d, s in zip(res[0], sc[0], strict=True) if s > 0]

    return {"name": f"bm25s_{backend}", **_measure(build, query, queries)}


def _in_child(name: str) -> dict:
    """Run one engine in a fresh interpreter (peak RSS then means that engine's own memory)."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.pkl"
        with open(data, "wb") as f:
            pickle.dump((_DOCS, _QUERIES), f, protocol=pickle.HIGHEST_PROTOCOL)
        out = subprocess.run([sys.executable, __file__, "--worker", name, "--data", str(data)],
                             capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}"}
    return json.loads(out.stdout)


def _worker(name: str, data: str) -> int:
    global _DOCS, _QUERIES
    with open(data, "rb") as f:
        _DOCS, _QUERIES = pickle.load(f)
    r = _engine(name)
    r.pop("engine", None)
    print(json.dumps(r))
    return 0


def _has_numba() -> bool:
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


def cold_start(folder: Path, query: list[str]) -> float:
    """Seconds for a fresh process to load the saved index and answer its first query."""
    code = ("import time,sys;t=time.perf_counter();from bot.index.retriever import BM25Index;"
            f"ix=BM25Index.load({str(folder)!r});ix.top_k({query!r},10);print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 3)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=0, help="N (default: the real corpus size)")
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--ref-queries", type=int, default=30, help="queries also run through rank_bm25")
    ap.add_argument("--corpus", action="append", default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return _worker(args.worker, args.data)
    args.corpus = args.corpus or [str(DEFAULT_CORPUS)]
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"n_paragraphs {result['n_paragraphs']}")
    print(f"{'engine':<16}{'build s':>9}{'peak MB':>9}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}  queries")
    for name, e in result["engines"].items():
        if "error" in e:
            print(f"{name:<16} error: {e['error']}")
            continue
        print(f"{name:<16}{e['build_s']:>9}{e['peak_rss_mb']:>9}{e['p50']:>10}{e['p95']:>10}{e['p99']:>10}"
              f"  {e['n_queries']} {e.get('note', '')}")
    pb = result["engines"]["pressbot"]
    print(f"pressbot index {pb['index_mb']} MB on disk, cold start (new process: load + first query) "
          f"{pb['cold_start_s']} s")
    print(f"speedup_p50_vs_rank_bm25 {result['speedup_p50_vs_rank_bm25']}x   "
          f"identical_top10 {result['identical_top10']}   by engine {result['identical_top10_by_engine']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
