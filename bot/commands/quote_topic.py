"""`quote NAME about TOPIC`: ranking one person's quotations by how well their release, and the
quotation's own paragraph, match a topic (the release-level and paragraph-level BM25 indexes)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.commands.weights import WEIGHTS, RankingWeights
from bot.index.retriever import BM25Index
from bot.people.person import Quote
from bot.snapshot import Snapshot, copy_roots, index_rows, release_index_rows

_ABOUT = re.compile(r"\s+about\s+", re.IGNORECASE)


def split_topic(argument: str) -> tuple[str, str]:
    """('Gonzalez', 'ghost guns') for 'Gonzalez about ghost guns'; (argument, '') without a topic after
    `about`; ('', 'ghost guns') for 'about ghost guns' (no name)."""
    parts = _ABOUT.split(" " + argument.strip() + " ", maxsplit=1)
    if len(parts) == 2 and (parts[0].strip() or parts[1].strip()):
        return parts[0].strip(), parts[1].strip()
    return argument.strip(), ""


def doc_scores(index: BM25Index, tokens: Sequence[str], docs: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """For each of `docs`: its BM25 score for `tokens` (what `top_k` would give it), and the summed idf
    of the distinct query terms it contains (by postings lookup)."""
    wanted = np.asarray(docs, dtype=np.int64)
    out = np.zeros(len(wanted), dtype=np.float64)
    present = np.zeros(len(wanted), dtype=np.float64)
    seen: set[int] = set()
    for t in index.term_ids(tokens).tolist():
        lo, hi = int(index.indptr[t]), int(index.indptr[t + 1])
        rows = np.asarray(index.indices[lo:hi])
        at = np.searchsorted(rows, wanted)
        inside = at < len(rows)
        hit = np.zeros(len(wanted), dtype=bool)
        hit[inside] = rows[at[inside]] == wanted[inside]
        out[hit] += index.data[lo + at[hit]]
        if t not in seen:
            seen.add(t)
            present[hit] += float(index.idf[t])
    return out, present


def _index_rows(snap: Snapshot, pids: Sequence[int]) -> list[int]:
    """The paragraph-index rows of `pids` (a copy is indexed once, as its first printing; -1 if none)."""
    indexed, root = index_rows(snap), copy_roots(snap)  # ascending: paragraph order
    wanted = np.asarray([root.get(p, p) for p in pids], dtype=np.int64)
    at = np.searchsorted(indexed, wanted)
    ok = (at < len(indexed)) & (indexed[np.minimum(at, len(indexed) - 1)] == wanted)
    return np.where(ok, at, -1).tolist()


def _distinct_weight(index: BM25Index, tokens: Sequence[str]) -> float:
    """The summed idf of the topic's distinct terms (an unknown term counts as the rarest)."""
    return index.query_weight(sorted(set(tokens)))


def _headline_share(snap: Snapshot, release_id: str, tokens: Sequence[str]) -> float:
    """The share of the topic's weight (idf) that the release's headline names."""
    idx = snap.release_index
    title = set(snap.tokenizer(snap.corpus.releases[release_id].title))
    total = _distinct_weight(idx, tokens) or 1.0
    return sum(float(idx.idf[idx.vocab[t]]) for t in set(tokens) if t in title and t in idx.vocab) / total


def release_topic_scores(snap: Snapshot, release_ids: Sequence[str], tokens: Sequence[str],
                         w: RankingWeights) -> dict[str, float]:
    """How much each release is about the topic: its relative release-level BM25 score plus
    `quote_headline` times the share of the topic its headline names (only the `quote_candidates`
    best by BM25 are read for their headline); 0 when the release contains less than
    `quote_topic_coverage` of the topic's weight."""
    distinct = sorted(set(release_ids))
    rel_rows = release_index_rows(snap)
    rel, present = doc_scores(snap.release_index, tokens, [rel_rows[r] for r in distinct])
    weight = _distinct_weight(snap.release_index, tokens)
    rel /= snap.release_index.query_weight(tokens) or 1.0
    # a release naming only a minor part of the topic ("three guns recovered" for "ghost guns") is not about it
    rel[present < w.quote_topic_coverage * weight] = 0.0
    scores = {r: float(s) for r, s in zip(distinct, rel, strict=True)}
    best = sorted((r for r in distinct if scores[r] > 0), key=lambda r: -scores[r])[:w.quote_candidates]
    for r in best:
        scores[r] += w.quote_headline * _headline_share(snap, r, tokens)
    return scores


def rank_by_topic(snap: Snapshot, quotes: list[Quote], topic: str,
                  weights: RankingWeights | None = None) -> list[tuple[float, Quote]]:
    """The quotations from releases about `topic`, best first, each with its score: its release's
    topic score (`release_topic_scores`) plus `quote_paragraph` times the relative BM25 score of the
    quotation's paragraph. A release counts as about the topic when it scores at least
    `quote_topic_ratio` of the person's best release."""
    w = weights or WEIGHTS
    tokens = snap.tokenizer(topic)
    if not tokens or not quotes:
        return []
    rids = [snap.corpus.paragraphs[q.pid].release_id for q in quotes]
    rel = release_topic_scores(snap, rids, tokens, w)
    best = max(rel.values())
    if best <= 0.0:
        return []
    para, _ = doc_scores(snap.index, tokens, _index_rows(snap, [q.pid for q in quotes]))
    para /= snap.index.query_weight(tokens) or 1.0
    scored = [(rel[r] + w.quote_paragraph * float(p), q) for r, p, q in zip(rids, para, quotes, strict=True)
              if rel[r] >= w.quote_topic_ratio * best]
    scored.sort(key=lambda t: (-t[0], t[1].pid, t[1].start))
    return scored
