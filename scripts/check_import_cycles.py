"""Fail if modules of a package import each other in a cycle (run from the repo root).

    python scripts/check_import_cycles.py [bot]

Every `import` / `from ... import` at any depth of a module counts (an import inside a function still
makes a cycle), except those under `if TYPE_CHECKING:`, which never run. `from pkg import name` counts
as importing `pkg.name` when that is a module, else `pkg`."""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return isinstance(test, ast.Name | ast.Attribute) and ast.unparse(test).endswith("TYPE_CHECKING")


def imports(tree: ast.AST, here: str, is_package: bool, modules: set[str]) -> set[str]:
    out: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = here if is_package else here.rpartition(".")[0]
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            pkg = ".".join(p for p in (base if node.level else "", node.module or "") if p)
            out |= {f"{pkg}.{a.name}" if f"{pkg}.{a.name}" in modules else pkg for a in node.names}
    return {m for m in out if m in modules}


def graph(package: str) -> dict[str, set[str]]:
    root = Path(package).resolve().parent
    files = {module_name(p, root): p for p in Path(package).resolve().rglob("*.py")}
    modules = set(files)
    return {m: imports(ast.parse(p.read_text(encoding="utf-8")), m, p.name == "__init__.py", modules) - {m}
            for m, p in files.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def main(package: str = "bot") -> int:
    edges = graph(package)
    found = cycles(edges)
    for comp in found:
        print("import cycle: " + " <-> ".join(comp))
    print(f"{len(edges)} modules, {sum(map(len, edges.values()))} imports: "
          + ("no import cycle" if not found else f"{len(found)} cycle(s)"))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:2]))
