"""`reload` (admins): rebuild the corpus beside the serving snapshot and swap it in; the reply is a diff
(as the asker's server sees it: its corpora and the shared ones), and every reload is audited."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from bot.audit import Event
from bot.guilds import root_of
from bot.items import ChangedRelease, Item, ReloadDiff, SkippedFile
from bot.models import Answer
from bot.store import ReloadError, ReloadResult, SnapshotStore

SHOWN = 20  # ids listed per added/removed/changed list (JSON), and skipped files listed
TITLES = 10  # titles listed per change in the reply, then "N more"


def _visible(result: ReloadResult, roots: frozenset[str] | None) -> ReloadResult:
    """The result cut down to the releases (and skipped files) of these roots; None: all of it."""
    if roots is None:
        return result
    keep = {rid for rid, root in result.roots.items() if root in roots}
    after = [v for root, v in result.per_root.items() if root in roots]
    before = [v for root, v in result.per_root_before.items() if root in roots]
    return replace(result, added=[r for r in result.added if r in keep],
                   removed=[r for r in result.removed if r in keep], changed=[r for r in result.changed if r in keep],
                   releases=sum(r for r, _ in after), paragraphs=sum(p for _, p in after),
                   paragraphs_before=sum(p for _, p in before))


def changed_items(result: ReloadResult) -> list[Item]:
    items: list[Item] = []
    for change, ids in (("added", result.added), ("removed", result.removed), ("changed", result.changed)):
        items += [ChangedRelease(change, result.titles.get(rid, rid), rid) for rid in ids[:TITLES]]
        if len(ids) > TITLES:
            items.append(ChangedRelease(change, "", "", more=len(ids) - TITLES))
    return items


def relative_skips(store: SnapshotStore, skipped: list[tuple[str, str]],
                   roots: frozenset[str] | None) -> list[tuple[str, str]]:
    """Skipped files as paths inside their corpus ('alpha/sub/x.pdf'), only those of these roots."""
    out = []
    for file, reason in skipped:
        found = root_of(store.cfg, Path(file))
        if found is None:
            if roots is None:
                out.append((file, reason))
            continue
        folder, label = found
        if roots is None or label in roots:
            out.append((f"{label}/{Path(file).relative_to(folder).as_posix()}", reason))
    return out


def reload_answer(result: ReloadResult, store: SnapshotStore | None = None,
                  roots: frozenset[str] | None = None) -> Answer:
    """The reply to a successful reload: titles added/removed/changed and the files skipped."""
    result = _visible(result, roots)
    skipped = relative_skips(store, result.skipped, roots) if store is not None else result.skipped
    how = ("only the files changed since the last build were read" if result.incremental and result.rebuilt is None
           else f"rebuilt in full ({result.rebuilt})" if result.rebuilt else "rebuilt in full")
    summary = (f"Reloaded: {result.releases} releases, {result.paragraphs} paragraphs "
               f"(was {result.paragraphs_before}); {len(result.added)} added, {len(result.removed)} removed, "
               f"{len(result.changed)} changed; {len(skipped)} file(s) skipped; {how}.")
    if result.cache_problem:
        summary += f" Warning: {result.cache_problem}; the next start will rebuild."
    items: list[Item] = [ReloadDiff(added=result.added[:SHOWN], removed=result.removed[:SHOWN],
                                    changed=result.changed[:SHOWN])]
    items += changed_items(result)
    items += [SkippedFile(skipped=f, reason=r) for f, r in skipped[:SHOWN]]
    return Answer("reload", "", True, summary, items=items)


def parse_full(argument: str) -> bool | None:
    """`reload` takes nothing or `full`; None for anything else."""
    word = argument.strip().casefold()
    return True if word == "full" else False if not word else None


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300]


def reload_failed(error: ReloadError) -> Answer:
    """The reply to a failed reload (the previous snapshot keeps serving); the traceback is in the log."""
    return Answer("reload", "", False, f"Reload failed; still serving the previous index: {one_line(error)}",
                  error="reload_failed")


def audit(store: SnapshotStore, kind: str, user: str, t0: float, ans: Answer, guild_id: int | None) -> Event:
    return store.audit.record(kind, user, time.perf_counter() - t0, ans.found, ans.summary, guild_id)


def reload(store: SnapshotStore, user: str, roots: frozenset[str] | None = None,
           guild_id: int | None = None, full: bool = False) -> Answer:
    """Reload in this thread (the CLI): only the files changed since the last build, unless `full`."""
    t0 = time.perf_counter()
    try:
        ans = reload_answer(store.reload(requested_by=user, full=full), store, roots)
    except ReloadError as e:
        ans = reload_failed(e)
    audit(store, "reload", user, t0, ans, guild_id)
    return ans


async def areload(store: SnapshotStore, user: str, roots: frozenset[str] | None = None,
                  guild_id: int | None = None, full: bool = False) -> Answer:
    """Reload without blocking the event loop (Discord): only the changed files, unless `full`."""
    t0 = time.perf_counter()
    try:
        ans = reload_answer(await store.areload(requested_by=user, full=full), store, roots)
    except ReloadError as e:
        ans = reload_failed(e)
    audit(store, "reload", user, t0, ans, guild_id)
    return ans
