"""Fail (exit 1) when the dev eval scores below its floors: a weight or rule change that hurts an
answer cannot land. Run by .ci/run when ../shared is present.

    python scripts/check_eval_floor.py ../shared/eval/dev_questions.yaml [--floors scripts/eval_floors.json]
        [-- ARGS...]   (ARGS are passed on to `pressbot eval`, e.g. the --corpus folders of the probe set)

The floors are the figures measured when they were last raised; raise them when answers improve."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def figures(summary: dict) -> dict[str, float]:
    """The guarded figures of a `pressbot eval --json` summary, by dotted name."""
    return {
        "who.accuracy": summary["who"]["accuracy"],
        "who.disambiguation": summary["who"]["disambiguation"],
        "cities.macro_f1": summary["cities"]["macro_f1"],
        "quote.accuracy": summary["quote"]["accuracy"],
        "search.mrr": summary["search"]["mrr"],
        "unanswerable.accuracy": summary["unanswerable"]["accuracy"],
        "citations_verbatim": summary["citations_verbatim"],
        "cities.violations_max": -summary["cities"]["violations"],  # negated: fewer is better
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("questions")
    ap.add_argument("--floors", default=str(HERE / "eval_floors.json"))
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args = ap.parse_args(argv[:cut])
    args.eval_args = argv[cut + 1:]  # passed on to `pressbot eval`
    floors = json.loads(Path(args.floors).read_text(encoding="utf-8"))
    out = subprocess.run(["pressbot", "eval", args.questions, "--json", *args.eval_args], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        print(out.stderr, file=sys.stderr)
        print(f"eval floor: `pressbot eval` exited {out.returncode}", file=sys.stderr)
        return 1
    got = figures(json.loads(out.stdout))
    failed = []
    for key, floor in floors.items():
        value = got[key]
        shown = -value if key.endswith("_max") else value
        limit = -floor if key.endswith("_max") else floor
        ok = value >= floor - 1e-9
        print(f"{'ok  ' if ok else 'FAIL'} {key:<24} {shown:>7.4f}  ({'max' if key.endswith('_max') else 'floor'} {limit})")
        if not ok:
            failed.append(key)
    if failed:
        print(f"eval floor: {len(failed)} figure(s) below their floor: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
