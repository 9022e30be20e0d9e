"""`add` and `remove` (a server's admins): change the server's own corpus folder, then re-index.

The change is applied incrementally (`SnapshotStore.aapply_files`, bot/incremental.py: only the files
added or removed are read, the indexes are updated beside the serving snapshot and swapped in; the old
index answers meanwhile; a few seconds on the 8.3k-release corpus), by a full rebuild only when the change
needs one (the reply says so). An upload the index still skips is moved to the trash, so the folder holds
only what is served. Every add and remove is audited (bot/audit.py)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from bot.audit import Event
from bot.commands.reload import one_line
from bot.commands.scoped_people import restrict_person
from bot.guilds import first_folder, guild_roots, labels, scope_for
from bot.ingest.files import display_path
from bot.items import ChangedRelease, Item, SkippedFile
from bot.models import Answer
from bot.snapshot import Snapshot
from bot.store import ReloadError, SnapshotStore
from bot.uploads import Refused, check, save, trash

NO_FOLDER = "This server has no corpus folder of its own (guilds.{gid}.corpus in pressbot's config)."


def describe(snap: Snapshot, path: Path, change: str = "added", roots: frozenset[str] | None = None
             ) -> list[ChangedRelease]:
    """The releases loaded from one file: title, id, date, paragraphs and the people found, each named as
    the releases under `roots` (the server's corpora; None: all) name them, embargoed ones included."""
    shown = display_path(path)
    releases = snap.corpus.releases
    allowed = {rid for rid, r in releases.items() if roots is None or r.root in roots}
    paras = snap.corpus.paragraphs
    out = []
    for rel in releases.values():
        if rel.path != shown:
            continue
        found = [p for p in snap.entities.people if rel.id in p.releases][:5]
        people = [q.name for p in found if (q := restrict_person(p, paras.release_ids, allowed, paras.texts))]
        detail = (f"{rel.date or 'no date'}, {len(snap.paragraphs_of(rel.id))} paragraphs, "
                  f"people: {', '.join(people) if people else 'none found'}")
        out.append(ChangedRelease(change, rel.title, rel.id, detail=detail))
    return out


def _record(store: SnapshotStore, kind: str, user: str, t0: float, ans: Answer, gid: int | None) -> Event:
    return store.audit.record(kind, user, time.perf_counter() - t0, ans.found, ans.summary, gid)


async def add_files(store: SnapshotStore, guild_id: int | None, user: str, files: list[tuple[str, bytes]],
                    replace: bool = False, refused: list[tuple[str, str]] | None = None) -> tuple[Answer, Event]:
    """Check, save and index uploads into the server's first corpus folder (`refused`: uploads the adapter
    already refused, such as one too large to download)."""
    t0, cfg = time.perf_counter(), store.cfg
    folder = first_folder(cfg, guild_id)
    refused = refused or []
    items: list[Item] = [SkippedFile(skipped=name[:100], reason=reason) for name, reason in refused]
    saved: list[Path] = []
    backups: dict[Path, Path] = {}  # a replaced file -> its previous version, kept in the trash
    if folder is None:
        ans = Answer("add", "", False, NO_FOLDER.format(gid=guild_id), error="no_folder")
        return ans, _record(store, "add", user, t0, ans, guild_id)
    for name, data in files:
        try:
            upload = check(name, data, cfg.corpus.max_file_mb)
            target = (folder / upload.name).resolve()
            if target.exists() and replace:
                backups[target] = trash(folder, target)
            saved.append(save(folder, upload, replace))
        except Refused as e:
            items.append(SkippedFile(skipped=name[:100], reason=str(e)))
    how = ""
    if saved:
        try:
            result = await store.aapply_files(saved, [], user)
        except ReloadError as e:
            for p in saved:
                trash(folder, p)
                if p in backups:
                    os.replace(backups[p], p)  # the replaced version comes back
            ans = Answer("add", "", False, f"Not added: the re-index failed ({one_line(e)}); the uploads were "
                         "moved to the trash and the previous index keeps serving.", items=items, error="reload_failed")
            return ans, _record(store, "add", user, t0, ans, guild_id)
        how = "an incremental update" if result.incremental else f"a full rebuild ({result.rebuilt})"
        roots = scope_for(cfg, guild_id).roots
        items, undone = await _kept_or_trashed(store, folder, saved, backups, dict(result.skipped), items, roots)
        if undone:
            how += " (the skipped uploads taken out again)"
    added = sum(isinstance(i, ChangedRelease) for i in items)
    summary = (f"Added {added} release(s) to {folder.name} ({len(files) + len(refused)} file(s) sent, "
               f"{sum(isinstance(i, SkippedFile) for i in items)} refused or skipped); re-indexed in "
               f"{time.perf_counter() - t0:.1f} s by {how or 'nothing: no file was saved'}.")
    ans = Answer("add", "", added > 0, summary, items=items, error=None if added else "refused")
    return ans, _record(store, "add", user, t0, ans, guild_id)


async def _kept_or_trashed(store: SnapshotStore, folder: Path, saved: list[Path], backups: dict[Path, Path],
                           skipped: dict[str, str], items: list[Item], roots: frozenset[str] | None = None
                           ) -> tuple[list[Item], bool]:
    """Name each saved upload's releases; an upload that loaded none goes to the trash (a replaced file's
    previous version comes back), and the index is told, so it matches the folder again."""
    gone: list[Path] = []
    back: list[Path] = []
    for p in saved:
        found = describe(store.snapshot, p, "replaced" if p in backups else "added", roots)
        if found:
            items[:0] = found
            continue
        trash(folder, p)
        reason = skipped.get(display_path(p), "no release in it")
        if p in backups:
            os.replace(backups[p], p)
            back.append(p)
            reason += " (the previous version is back in place and served)"
        else:
            gone.append(p)
        items.append(SkippedFile(skipped=p.name, reason=reason))
    if gone or back:
        # on failure the index still lists them as skipped files; the next reload sets it right
        with contextlib.suppress(ReloadError):
            await store.aapply_files(back, gone, "add (undo skipped uploads)")
    return items, bool(gone or back)


def _file_of(store: SnapshotStore, guild_id: int | None, release_id: str) -> tuple[Path, Path]:
    """(the corpus folder, the file) of one of this server's own releases; Refused otherwise."""
    cfg = store.cfg
    rel = store.snapshot.corpus.releases.get(release_id.strip())
    if rel is None or guild_id is None or rel.root not in guild_roots(cfg, guild_id):
        raise Refused(f"no release {release_id[:80]!r} in this server's own corpus (see sources; shared "
                      "corpora are changed on disk, not from Discord)")
    if "#" in rel.id:
        raise Refused(f"{rel.id} is one line of a JSONL file; edit or remove that file on disk")
    folder = next(p for p, label in labels(cfg).items() if label == rel.root)
    return folder, Path(rel.path)


async def remove_release(store: SnapshotStore, guild_id: int | None, user: str,
                         release_id: str) -> tuple[Answer, Event]:
    """Move one of the server's releases to the trash and re-index."""
    t0 = time.perf_counter()
    try:
        folder, path = _file_of(store, guild_id, release_id)
        title = store.snapshot.corpus.releases[release_id.strip()].title
        dest = trash(folder, path)
    except Refused as e:
        ans = Answer("remove", release_id, False, f"Not removed: {e}", error="refused")
        return ans, _record(store, "remove", user, t0, ans, guild_id)
    try:
        result = await store.aapply_files([], [path], user)
    except ReloadError as e:
        ans = Answer("remove", release_id, False, f"Moved to {dest.parent.name}/{dest.name}, but the re-index "
                     f"failed ({one_line(e)}); the previous index keeps serving it until the next reload.",
                     error="reload_failed")
        return ans, _record(store, "remove", user, t0, ans, guild_id)
    how = "" if result.incremental else f" by a full rebuild ({result.rebuilt})"
    ans = Answer("remove", release_id, True, f"Removed '{title}' (moved to {folder.name}/.trash/{dest.name}); "
                 f"re-indexed in {time.perf_counter() - t0:.1f} s{how}.",
                 items=[ChangedRelease("removed", title, release_id.strip())])
    return ans, _record(store, "remove", user, t0, ans, guild_id)
