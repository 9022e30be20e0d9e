"""Compare a dump_answers.py output with a baseline: every baseline key must be present and equal.

    python scripts/compare_answers.py /work/baseline_answers.jsonl /tmp/cmd_answers.jsonl

Allowed differences: added keys (at any depth of an object), and a cities answer's
`{"releases": [...]}` pseudo-item moved out of `items` into the top-level `releases` field."""

from __future__ import annotations

import json
import sys
from typing import Any


def missing(old: Any, new: Any, where: str) -> list[str]:
    """Where `new` lacks or changes something `old` has (added keys in `new` are fine)."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return [f"{where}: {new!r} is not an object"]
        out: list[str] = []
        for k, v in old.items():
            out += missing(v, new[k], f"{where}.{k}") if k in new else [f"{where}.{k}: missing"]
        return out
    if isinstance(old, list):
        if not isinstance(new, list) or len(old) != len(new):
            return [f"{where}: list differs ({len(old)} vs {len(new) if isinstance(new, list) else new!r})"]
        return [m for n, (a, b) in enumerate(zip(old, new, strict=True)) for m in missing(a, b, f"{where}[{n}]")]
    return [] if old == new and type(old) is type(new) else [f"{where}: {old!r} != {new!r}"]


def undo_cities_move(old: dict, new: dict) -> dict:
    """The baseline's shape of a cities answer whose releases moved to a top-level field."""
    items = old.get("items") or []
    moved = "releases" in new and not any(set(i) == {"releases"} for i in new.get("items", []))
    if old.get("command") == "cities" and items and set(items[-1]) == {"releases"} and moved:
        new = dict(new, items=[*new.get("items", []), {"releases": new["releases"]}])
    return new


def main(baseline: str, current: str) -> int:
    with open(baseline, encoding="utf-8") as a, open(current, encoding="utf-8") as b:
        old_lines, new_lines = a.read().splitlines(), b.read().splitlines()
    problems = [] if len(old_lines) == len(new_lines) else [f"{len(old_lines)} vs {len(new_lines)} lines"]
    for n, (x, y) in enumerate(zip(old_lines, new_lines, strict=False), start=1):
        old, new = json.loads(x), json.loads(y)
        problems += [f"line {n}: {m}" for m in missing(old, undo_cities_move(old, new), "$")]
    for p in problems[:40]:
        print(p)
    print(f"{len(old_lines)} answers compared: " + ("OK" if not problems else f"{len(problems)} difference(s)"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:3]))
