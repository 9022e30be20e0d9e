"""Which test or dev-eval figure pins each ranking weight: move one weight at a time and see what breaks.

    python scripts/weight_sensitivity.py ../shared/eval/dev_questions.yaml [--tests] [--only NAME]

For each weight of bot/commands/weights.py, tries a lower and a higher value and prints the dev-eval
figures that change (search MRR, cities macro-F1, ...). With --tests it also runs the answer tests
under each value (pytest with this file as a plugin, PRESSBOT_WEIGHT=name=value) and names the tests
that fail."""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

import bot.commands.quote_topic
import bot.commands.search
import bot.commands.topic
from bot.commands.engine import Engine
from bot.commands.weights import WEIGHTS, RankingWeights
from bot.config import load_config
from bot.evaluate import default_corpus, evaluate
from bot.store import SnapshotStore

FIGURES = {"who": ("who", "accuracy"), "cities F1": ("cities", "macro_f1"), "quote": ("quote", "accuracy"),
           "search MRR": ("search", "mrr"), "unanswerable": ("unanswerable", "accuracy")}
TESTS = ["tests/commands/test_search_real.py", "tests/test_answers_excerpts.py", "tests/test_demo_answers.py"]


def use(weights: RankingWeights) -> None:
    bot.commands.search.WEIGHTS = weights
    bot.commands.quote_topic.WEIGHTS = weights
    bot.commands.topic.WEIGHTS = weights


def pytest_configure(config: Any) -> None:  # noqa: ARG001 - pytest plugin hook: apply PRESSBOT_WEIGHT
    setting = os.environ.get("PRESSBOT_WEIGHT")
    if setting:
        name, _, value = setting.partition("=")
        kind = type(getattr(WEIGHTS, name))
        use(dataclasses.replace(WEIGHTS, **{name: kind(float(value)) if kind is int else kind(value)}))


def variants(name: str) -> list[Any]:
    value = getattr(WEIGHTS, name)
    if isinstance(value, int):
        return [max(1, value - 1), value + 1] if value < 10 else [value // 4, value * 2]
    return [round(value * 0.5, 3), round(value * 1.5, 3)] if value != 1.0 else [0.7, 1.5]


def figures(engine: Engine, questions: dict) -> dict[str, float]:
    summary, _ = evaluate(engine, questions)
    return {k: summary[a][b] for k, (a, b) in FIGURES.items()}


def failing_tests(name: str, value: Any) -> list[str]:
    env = {**os.environ, "PRESSBOT_WEIGHT": f"{name}={value}", "PYTHONPATH": str(Path(__file__).parent)}
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "weight_sensitivity", "-rf", *TESTS],
                         capture_output=True, text=True, env=env).stdout
    return [line.split()[1] for line in out.splitlines() if line.startswith("FAILED")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("questions")
    ap.add_argument("--tests", action="store_true")
    ap.add_argument("--only", help="one weight")
    ap.add_argument("--values", help="comma-separated values to try for --only")
    args = ap.parse_args()
    qfile = Path(args.questions)
    questions = yaml.safe_load(qfile.read_text(encoding="utf-8"))
    cfg = load_config(None, [str(p) for p in default_corpus(questions, qfile.resolve().parent.parent)])
    engine = Engine(SnapshotStore.open(cfg, warm=False))
    base = figures(engine, questions)
    print("baseline: " + ", ".join(f"{k} {v:.3f}" for k, v in base.items()))
    for f in dataclasses.fields(RankingWeights):
        if args.only and f.name != args.only:
            continue
        kind = type(getattr(WEIGHTS, f.name))
        tried = [kind(float(v)) for v in args.values.split(",")] if args.values and args.only else variants(f.name)
        for value in tried:
            use(dataclasses.replace(WEIGHTS, **{f.name: value}))
            got = figures(engine, questions)
            moved = [f"{k} {base[k]:.3f}->{v:.3f}" for k, v in got.items() if abs(v - base[k]) > 1e-9]
            tests = failing_tests(f.name, value) if args.tests else []
            print(f"{f.name}={value}: " + ("; ".join(moved) or "no eval change")
                  + (f"; failing: {', '.join(tests)}" if tests else ""))
        use(WEIGHTS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
