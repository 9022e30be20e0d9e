"""`status` (admins): what this server is served — releases and paragraphs per corpus root, embargoed
releases (counted, never shown), the last reload/add/remove, index age, uptime, version, skipped files."""

from __future__ import annotations

import time
from collections import Counter
from importlib import metadata
from typing import TYPE_CHECKING

from bot.audit import KINDS
from bot.commands.reload import relative_skips
from bot.items import Item, StatusEvent, StatusRoot
from bot.models import Answer, Release

if TYPE_CHECKING:
    from bot.commands.registry import Request


def version() -> str:
    try:
        return metadata.version("pressbot")
    except metadata.PackageNotFoundError:
        return "unknown"


def ago(seconds: float) -> str:
    s = int(max(0, seconds))
    d, h, m = s // 86400, s % 86400 // 3600, s % 3600 // 60
    return f"{d}d {h}h {m}m" if d else f"{h}h {m}m" if h else f"{m}m {s % 60}s"


def status_answer(r: Request) -> Answer:
    store, scope = r.store, r.scope
    full = store.snapshot  # embargoed releases are out of the scoped view: count them on the whole one
    mine = [rel for rel in full.corpus.releases.values() if scope.roots is None or rel.root in scope.roots]
    held = Counter(rel.root for rel in mine if _held(rel, scope.now))
    served = Counter(rel.root for rel in mine if not _held(rel, scope.now))
    paragraphs: Counter[str] = Counter()
    for rel in mine:
        if not _held(rel, scope.now):
            paragraphs[rel.root] += len(full.paragraphs_of(rel.id))
    roots = sorted(set(served) | set(held) | set(scope.roots or ()))
    items: list[Item] = [StatusRoot(root, served[root], paragraphs[root], held[root]) for root in roots]
    for kind in KINDS:
        event = store.audit.last(kind, scope.guild)
        items.append(StatusEvent(kind, event.line() if event else "none recorded"))
    skipped = len(relative_skips(store, full.report.skipped, scope.roots))
    summary = (f"pressbot {version()}: {sum(served.values())} releases served here, {sum(held.values())} "
               f"embargoed; index serving for {ago(time.time() - store.loaded_at)}, up {ago(time.time() - store.started)}; "
               f"{skipped} file(s) skipped at the last load.")
    if store.cache_problem:
        summary += f" Warning: {store.cache_problem}; every start rebuilds the index."
    return Answer("status", "", True, summary, items=items)


def _held(rel: Release, now: str | None) -> bool:
    return rel.embargo is not None and (now is None or rel.embargo > now)
