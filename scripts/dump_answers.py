"""Answer every query of a questions file and print the answers as JSON lines (for before/after diffs).

    python scripts/dump_answers.py ../shared/eval/dev_questions.yaml > answers.jsonl

A behaviour-preserving change must leave this output byte-identical."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from bot.config import load_config
from bot.evaluate import SECTIONS, default_corpus

try:
    from bot.commands.engine import Engine
except ImportError:  # before the layout change
    from bot.commands.engine import Engine  # type: ignore[no-redef]
from bot.store import SnapshotStore


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("questions")
    ap.add_argument("--config")
    args = ap.parse_args()
    qfile = Path(args.questions)
    questions = yaml.safe_load(qfile.read_text(encoding="utf-8"))
    corpus = [str(p) for p in default_corpus(questions, qfile.resolve().parent.parent)]
    engine = Engine(SnapshotStore.open(load_config(args.config, corpus), warm=False))
    for section in SECTIONS:
        for item in questions.get(section) or []:
            text = item["query"] if section == "unanswerable" else f"{section} {item['query']}"
            ans = engine.ask(text)
            sys.stdout.write(json.dumps(ans.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
