"""`reload` (admins): rebuild the corpus beside the serving snapshot and swap it in; the reply is a diff."""

from __future__ import annotations

from bot.items import Item, ReloadDiff, SkippedFile
from bot.models import Answer
from bot.store import ReloadError, ReloadResult, SnapshotStore

SHOWN = 20  # ids listed per added/removed/changed list, and skipped files listed


def reload_answer(result: ReloadResult) -> Answer:
    """The reply to a successful reload: a diff of releases and the files skipped."""
    summary = (f"Reloaded: {result.releases} releases, {result.paragraphs} paragraphs "
               f"(was {result.paragraphs_before}); {len(result.added)} added, {len(result.removed)} removed, "
               f"{len(result.changed)} changed; {len(result.skipped)} file(s) skipped.")
    if result.cache_problem:
        summary += f" Warning: {result.cache_problem}; the next start will rebuild."
    items: list[Item] = [ReloadDiff(added=result.added[:SHOWN], removed=result.removed[:SHOWN],
                                    changed=result.changed[:SHOWN])]
    items += [SkippedFile(skipped=f, reason=r) for f, r in result.skipped[:SHOWN]]
    return Answer("reload", "", True, summary, items=items)


def reload_failed(error: ReloadError) -> Answer:
    """The reply to a failed reload (the previous snapshot keeps serving)."""
    return Answer("reload", "", False, f"Reload failed; still serving the previous index: {error}",
                  error="reload_failed")


def reload(store: SnapshotStore, user: str) -> Answer:
    """Reload in this thread (the CLI)."""
    try:
        return reload_answer(store.reload(requested_by=user))
    except ReloadError as e:
        return reload_failed(e)


async def areload(store: SnapshotStore, user: str) -> Answer:
    """Reload without blocking the event loop (Discord)."""
    try:
        return reload_answer(await store.areload(requested_by=user))
    except ReloadError as e:
        return reload_failed(e)
