"""Ingestion benchmark: full snapshot build of a corpus, then loading the saved snapshot.

    python benchmarks/bench_ingest.py [--corpus DIR ...] [--workers auto|N] [--scale N] [--compare-serial] [--json]

Prints files/s, releases, paragraphs, the time of each stage, wall time and peak memory (VmHWM) of a
full build (corpus -> paragraphs -> BM25 indexes -> people and quotes), then the time a fresh process
takes to load the saved snapshot (and to be ready for its first query). Default corpus: all of
../shared/corpora/prosecutors plus the bundled demo.

`wall_s` and `cpu_s` (this process plus its worker processes: user + system) measure the build alone;
`parent_cpu_s` and `stages_parent_cpu_s` are this process's own share (the part no worker runs);
compare CPU seconds as well as wall time on a shared machine. `--scale N` builds N copies of the corpus:
copy 0 is the corpus itself, copy k a replica under its own root (ids distinct) in which every line
ends with " rk", so no file, paragraph or line is a duplicate of another copy's (the dedupe and
boilerplate statistics see N corpora, the index N times the paragraphs).
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing.forkserver
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import Config, load_config  # noqa: E402
from bot.parallel import worker_count  # noqa: E402
from bot.snapshot import build_snapshot, save_snapshot  # noqa: E402

DEFAULT = [ROOT.parent / "shared" / "corpora" / "prosecutors", ROOT / "corpus"]


def cpu_seconds() -> float:
    """User + system CPU of this process and of every child reaped so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def stop_forkserver() -> None:
    """Stop (and reap) the forkserver, so its pool workers' CPU counts in RUSAGE_CHILDREN: workers are
    the forkserver's children, reaped by it, and it is reaped here."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    if server is not None and hasattr(server, "_stop"):
        server._stop()


def replicate(corpus: list[str], copies: int, tmp: Path) -> list[str]:
    """The corpus folders plus `copies - 1` replicas with distinct ids and texts (see the docstring)."""
    out = list(corpus)
    for k in range(1, copies):
        for src in map(Path, corpus):
            dst = tmp / f"{src.name}-r{k}"
            for f in sorted(src.rglob("*")):
                if not f.is_file():
                    continue
                target = dst / f.relative_to(src)
                target.parent.mkdir(parents=True, exist_ok=True)
                if f.suffix in (".txt", ".md"):
                    lines = f.read_text(encoding="utf-8", errors="replace").splitlines()
                    target.write_text("\n".join(f"{ln} r{k}" if ln.strip() and ln.strip() != "---" else ln
                                                for ln in lines) + "\n", encoding="utf-8")
                else:
                    shutil.copyfile(f, target)
            out.append(str(dst))
    return out


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


LOAD_CODE = """
import json, sys, time
t0 = time.perf_counter()
from bot.snapshot import load_snapshot
from pathlib import Path
t1 = time.perf_counter()
snap = load_snapshot(Path(sys.argv[1]), sys.argv[2])
t2 = time.perf_counter()
snap.search("garrison attorney", 10)  # first answer (numpy path; the numba kernel loads in background)
t3 = time.perf_counter()
print(json.dumps({"imports_s": t1 - t0, "load_s": t2 - t1, "first_query_s": t3 - t2,
                  "releases": len(snap.corpus.releases)}))
"""


def serial_build(cfg: Config) -> dict:
    """The same build on one process (index.workers: 1): wall and CPU seconds, load average."""
    one = copy.deepcopy(cfg)
    one.index.workers = "1"
    cpu0, t0 = cpu_seconds(), time.perf_counter()
    build_snapshot(one)
    wall = time.perf_counter() - t0
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu_seconds() - cpu0, 2),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--workers", default=None, help="index.workers for the build: auto or a number")
    ap.add_argument("--scale", type=int, default=1, help="build N distinct copies of the corpus")
    ap.add_argument("--compare-serial", action="store_true",
                    help="first build on one process too, and report the parallel build's speed-up over it")
    args = ap.parse_args()
    corpus = [str(p) for p in (args.corpus or DEFAULT)]
    with tempfile.TemporaryDirectory(prefix="pressbot-scale-") as scale_tmp:
        if args.scale > 1:
            corpus = replicate([c for c in corpus if Path(c).resolve() != (ROOT / "corpus").resolve()],
                               args.scale, Path(scale_tmp)) + [c for c in corpus
                                                               if Path(c).resolve() == (ROOT / "corpus").resolve()]
        return run(args, corpus)


def run(args: argparse.Namespace, corpus: list[str]) -> int:
    cfg = load_config(ROOT / "config" / "pressbot.yaml", corpus)
    if args.workers:
        cfg.index.workers = str(args.workers)
    stages: dict[str, float] = {}
    stages_cpu: dict[str, float] = {}  # this process's own CPU per stage: what does not run on the pool
    last: list = [time.perf_counter(), "", time.process_time()]

    def progress(done: int, total: int, stage: str) -> None:
        now, cpu_now = time.perf_counter(), time.process_time()
        if stage != last[1]:
            if last[1]:
                stages[last[1]] = stages.get(last[1], 0.0) + now - last[0]
                stages_cpu[last[1]] = stages_cpu.get(last[1], 0.0) + cpu_now - last[2]
            last[0], last[1], last[2] = now, stage, cpu_now
        if not args.json and sys.stderr.isatty():
            sys.stderr.write(f"\r{stage:<18} {done}/{total}   ")

    serial = serial_build(cfg) if args.compare_serial else None
    cpu0, t0, own0 = cpu_seconds(), time.perf_counter(), time.process_time()
    snap = build_snapshot(cfg, progress)
    wall, own = time.perf_counter() - t0, time.process_time() - own0
    stop_forkserver()
    cpu = cpu_seconds() - cpu0
    stages[last[1]] = stages.get(last[1], 0.0) + time.perf_counter() - last[0]
    stages_cpu[last[1]] = stages_cpu.get(last[1], 0.0) + time.process_time() - last[2]
    rep = snap.report
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        save_snapshot(snap, Path(tmp))
        save_s = time.perf_counter() - t
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()) / 1e6
        out = subprocess.run([sys.executable, "-c", LOAD_CODE, tmp, snap.fingerprint], capture_output=True,
                             text=True, cwd=ROOT, check=True)
        load = json.loads(out.stdout)
    result = {
        "corpus": corpus, "scale": args.scale, "workers": worker_count(cfg.index.workers),
        "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "cpu_per_wall": round(cpu / wall, 2),
        "parent_cpu_s": round(own, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()], "files": rep.files_seen, "releases": rep.releases, "paragraphs": rep.paragraphs,
        "distinct_paragraphs": snap.index.n_docs, "duplicates_dropped": rep.duplicate_paragraphs,
        "boilerplate_lines_dropped": rep.boilerplate_lines, "skipped": len(rep.skipped),
        "people": len(snap.entities.people), "build_wall_s": round(wall, 2),
        "files_per_s": round(rep.files_seen / wall, 1), "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "stages_parent_cpu_s": {k: round(v, 2) for k, v in stages_cpu.items()},
        "peak_rss_mb": round(peak_mb(), 1), "save_s": round(save_s, 2), "snapshot_mb": round(size, 1),
        "load_s": round(load["load_s"], 3), "load_imports_s": round(load["imports_s"], 3),
        "first_query_s": round(load["first_query_s"], 3),
    }
    if serial:
        result["serial"] = serial
        result["speedup_over_serial"] = round(serial["wall_s"] / wall, 2)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"\ncorpus: {', '.join(corpus)}")
    print(f"files {result['files']}, releases {result['releases']}, paragraphs {result['paragraphs']} "
          f"({result['distinct_paragraphs']} distinct), duplicates dropped {result['duplicates_dropped']}, "
          f"boilerplate lines dropped {result['boilerplate_lines_dropped']}, skipped {result['skipped']}, "
          f"people {result['people']}")
    print(f"full build: {result['build_wall_s']} s wall, {result['cpu_s']} s CPU on {result['workers']} workers "
          f"(CPU/wall {result['cpu_per_wall']}, load average {result['load_average']}), {result['files_per_s']} files/s, "
          f"peak RSS {result['peak_rss_mb']} MB")
    if serial:
        print(f"serial build in the same run: {serial['wall_s']} s wall, {serial['cpu_s']} s CPU (load average "
              f"{serial['load_average']}); parallel speed-up {result['speedup_over_serial']}x")
    print("stages: " + ", ".join(f"{k} {v} s" for k, v in result["stages_s"].items()))
    print(f"this process's CPU (not on the pool): {result['parent_cpu_s']} s; by stage: "
          + ", ".join(f"{k} {v} s" for k, v in result["stages_parent_cpu_s"].items()))
    print(f"saved snapshot: {result['snapshot_mb']} MB in {result['save_s']} s; fresh process: load "
          f"{result['load_s']} s (+ imports {result['load_imports_s']} s), first query {result['first_query_s']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
