"""Completions for what is being typed: people's names, or the titles of releases about a topic."""

from __future__ import annotations

from bot.snapshot import Snapshot


def people(snap: Snapshot, typed: str, limit: int) -> list[str]:
    """Names of people in the corpus close to what was typed."""
    return snap.entities.suggest(typed, limit)


def topics(snap: Snapshot, typed: str, limit: int) -> list[str]:
    """Titles of the releases most about what was typed (release-level BM25), else the latest ones."""
    tokens = snap.tokenizer(typed)
    if tokens:
        rids = [snap.release_ids[row] for row, _ in snap.release_index.top_k(tokens, limit * 2)]
    else:
        rids = [r.id for r in sorted(snap.corpus.releases.values(), key=lambda r: r.date or "", reverse=True)]
    return list(dict.fromkeys(snap.corpus.releases[r].title for r in rids))[:limit]
