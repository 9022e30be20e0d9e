"""Fail when a module of bot/ is over 400 lines or a function over 60 lines (the layout's size limits).

    python scripts/check_sizes.py [--modules 400] [--functions 60]"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "bot"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--modules", type=int, default=400)
    ap.add_argument("--functions", type=int, default=60)
    args = ap.parse_args()
    problems = []
    longest = ("", 0)
    for path in sorted(ROOT.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n") + 1
        rel = path.relative_to(ROOT.parent)
        if lines > args.modules:
            problems.append(f"{rel}: {lines} lines (limit {args.modules})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > longest[1]:
                    longest = (f"{rel}:{node.lineno} {node.name}", n)
                if n > args.functions:
                    problems.append(f"{rel}:{node.lineno}: {node.name} is {n} lines (limit {args.functions})")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"sizes: {len(problems)} over the limits; longest function {longest[0]} ({longest[1]} lines)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
