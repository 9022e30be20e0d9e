"""A snapshot seen through a Scope: the same object the commands read, restricted to the releases the
scope allows (a server's corpora, embargoes not yet lifted, the reporter's `source:`/`since:` filters).

Restriction happens where the commands enter the data — paragraph and release retrieval, the people
index (each person cut down to the releases allowed), quotations, copies of a paragraph — so every
command, autocomplete and `also_in` list sees only allowed releases without knowing scopes exist.
Corpus statistics (BM25 idf, name words) stay those of the whole snapshot."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from bot.commands.scope import Scope
from bot.commands.scoped_people import OVERFETCH, ScopedEntities
from bot.index.retriever import BM25Index
from bot.ingest.corpus import Corpus
from bot.models import Release
from bot.snapshot import Snapshot, embargoed, index_rows


class ScopedIndex:
    """A BM25 index whose top-k and postings keep only allowed documents (scores unchanged)."""

    def __init__(self, base: BM25Index, allowed: np.ndarray) -> None:
        self.base, self.allowed = base, allowed

    def __getattr__(self, name: str) -> Any:  # vocab, idf, n_docs, query_weight, warm_up...
        return getattr(self.base, name)

    def top_k(self, tokens: Sequence[str], k: int = 10) -> list[tuple[int, float]]:
        want = k * OVERFETCH
        while True:
            hits = self.base.top_k(tokens, want)
            kept = [(d, s) for d, s in hits if self.allowed[d]]
            if len(kept) >= k or len(hits) < want or want >= self.base.n_docs:
                return kept[:k]
            want *= OVERFETCH

    def postings(self, term: str) -> np.ndarray:
        docs = self.base.postings(term)
        return docs[self.allowed[docs]]


class ScopedSnapshot(Snapshot):
    """The snapshot as one scope sees it (see the module docstring)."""

    def same_text_releases(self, pid: int) -> list[str]:
        return [r for r in super().same_text_releases(pid) if r in self.corpus.releases]

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        out = []
        for row, score in self.index.top_k(self.tokenizer(text), k):
            pid = self.corpus.index_pids[row]
            if self.corpus.paragraphs.release_ids[pid] not in self.corpus.releases:
                pid = next(c for c in self.corpus.copies.get(pid, ()) if
                           self.corpus.paragraphs.release_ids[c] in self.corpus.releases)
            out.append((pid, score))
        return out


def _allowed_rows(snap: Snapshot, allowed: set[str]) -> np.ndarray:
    """Paragraph-index rows any of whose copies sits in an allowed release."""
    owner = snap.corpus.paragraphs.release_ids
    rows = index_rows(snap)
    mask = np.fromiter((owner[pid] in allowed for pid in rows.tolist()), dtype=bool, count=len(rows))
    position = {pid: row for row, pid in enumerate(rows.tolist())}
    for first, cs in snap.corpus.copies.items():
        if not mask[position[first]] and any(owner[c] in allowed for c in cs):
            mask[position[first]] = True
    return mask


_VIEWS_KEPT = 16  # scopes in use at once: a server's roots, a filter; a lifted embargo makes new ones


def _held(snap: Snapshot, scope: Scope) -> tuple[str, ...]:
    """The embargoed releases `scope` may not see yet (the embargoed ones found once per snapshot)."""
    releases = snap.corpus.releases
    return tuple(rid for rid in embargoed(snap) if not scope.allows(releases[rid]))


def _masks(snap: Snapshot, scope: Scope) -> tuple[dict[str, Release], np.ndarray, np.ndarray] | None:
    """(allowed releases, paragraph-row mask, release-row mask) for a scope; None when it allows all."""
    releases = snap.corpus.releases
    if scope.everything and not _held(snap, scope):
        return None
    allowed = {rid: r for rid, r in releases.items() if scope.allows(r)}
    rel_mask = np.fromiter((rid in allowed for rid in snap.release_ids), dtype=bool, count=len(snap.release_ids))
    return allowed, _allowed_rows(snap, set(allowed)), rel_mask


def visibility_key(snap: Snapshot, scope: Scope) -> tuple:
    """What decides which releases `scope` sees right now (its filters and the embargoes still held): part
    of any cache key for answers, so a lifted embargo is never hidden by a cached answer."""
    return (scope.sources, scope.since, scope.until, scope.roots, _held(snap, scope))


def scoped(snap: Snapshot, scope: Scope) -> Snapshot:
    """`snap` restricted to `scope`, or `snap` itself when the scope allows every release. One view per
    (snapshot, filters, embargoes still held), kept: the tables commands derive on first use (stored on
    the view, as on a snapshot) then serve every later query of that scope, as they do unscoped."""
    key = visibility_key(snap, scope)
    if scope.everything and not key[-1]:
        return snap
    views: dict = snap.__dict__.setdefault("_scoped_views", {})
    if key not in views:
        if len(views) >= _VIEWS_KEPT:
            views.pop(next(iter(views)), None)
        views[key] = _view(snap, scope, key)
    return views[key] or snap


def _view(snap: Snapshot, scope: Scope, key: tuple) -> ScopedSnapshot | None:
    """A new view of `snap` through `scope`; None when the scope allows every release."""
    masks = _masks(snap, scope)
    if masks is None or len(masks[0]) == len(snap.corpus.releases):
        return None
    allowed_releases, row_mask, release_mask = masks
    allowed = set(allowed_releases)
    corpus = Corpus.__new__(Corpus)  # shallow: paragraphs, copies and the report are shared
    corpus.__dict__.update(snap.corpus.__dict__)  # (copy.copy would rebuild `copies` through pickling)
    corpus.releases = allowed_releases
    view = ScopedSnapshot.__new__(ScopedSnapshot)
    # shares the derived tables (paragraph ranges, copy roots), not the cache of views nor those read from
    # the releases the view sees (the headlines: its own)
    view.__dict__.update({k: v for k, v in snap.__dict__.items() if k not in ("_scoped_views", "_headline_titles")})
    view.__dict__["_scope_key"] = key  # names this view in per-scope caches
    view.corpus = corpus
    view.index = ScopedIndex(snap.index, row_mask)  # type: ignore[assignment]
    view.release_index = ScopedIndex(snap.release_index, release_mask)  # type: ignore[assignment]
    view.entities = ScopedEntities(snap.entities, snap.corpus.paragraphs.release_ids, snap.corpus.paragraphs.texts,  # type: ignore[assignment]
                                   allowed)
    return view
