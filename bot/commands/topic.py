"""Finding the releases about a topic: BM25 over paragraphs, grouped by release, then checked for
the topic's names (a near miss such as 'Operation Mic Check' must not match 'Operation Mic Drop')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.commands.weights import WEIGHTS, RankingWeights
from bot.snapshot import Snapshot

_CAP_WORD = re.compile(r"^[A-Z][\w’'.-]*$")


@dataclass
class TopicRelease:
    release_id: str
    score: float


def name_runs(query: str) -> list[list[str]]:
    """Runs of capitalized words in the query ('Operation Relentless Pursuit'), sentence-case first word aside."""
    words = query.split()
    runs, cur = [], []
    for i, w in enumerate(words):
        if _CAP_WORD.match(w) and not (i == 0 and w[1:].islower() and len(words) > 3 and not (
                len(words) > 1 and _CAP_WORD.match(words[1]))):
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def mentions_names(snap: Snapshot, release_id: str, runs: list[list[str]]) -> bool:
    """Does the release contain every short name run as a phrase and (almost) every capitalized word?"""
    tok = snap.tokenizer
    stream: list[str] = []
    for p in snap.paragraphs_of(release_id):
        stream.extend(tok(p.text))
        stream.append("\0")
    vocab = set(stream)
    joined = " " + " ".join(stream) + " "
    words = [t for run in runs for w in run for t in tok(w)]
    missing = sum(1 for t in words if t not in vocab)
    if missing > (1 if len(words) >= 4 else 0):
        return False
    for run in runs:
        toks = [t for w in run for t in tok(w)]
        if 2 <= len(run) <= 3 and toks and f" {' '.join(toks)} " not in joined:
            return False
    return True


def topic_releases(snap: Snapshot, topic: str, max_releases: int | None = None, ratio: float | None = None,
                   min_relative: float = 0.0, weights: RankingWeights | None = None) -> list[TopicRelease]:
    """The releases most about a topic, best first; empty when nothing is about it."""
    w = weights or WEIGHTS
    max_releases = w.topic_max_releases if max_releases is None else max_releases
    ratio = w.topic_ratio if ratio is None else ratio
    tokens = snap.tokenizer(topic)
    if not tokens:
        return []
    weight = snap.release_index.query_weight(tokens) or 1.0
    hits = snap.release_index.top_k(tokens, w.topic_candidates)
    ranked = []
    for row, score in hits:
        rid = snap.release_ids[row]
        if snap.corpus.releases[rid].listing:
            continue  # a page of other releases' headlines is about nothing in particular
        if snap.corpus.releases[rid].language != "en":
            score *= w.translation  # a translation must not outrank its original
        ranked.append(TopicRelease(rid, score))
    ranked.sort(key=lambda t: (-t.score, t.release_id))
    runs = name_runs(topic)
    chosen: list[TopicRelease] = []
    for t in ranked[:w.topic_checked]:
        if chosen and (t.score < ratio * chosen[0].score or len(chosen) >= max_releases):
            break
        if runs and not mentions_names(snap, t.release_id, runs):
            continue
        if not chosen:
            if t.score / weight < min_relative:
                return []
        elif not snap.entities.people_in(t.release_id) & snap.entities.people_in(chosen[0].release_id):
            continue  # another story that merely shares words: the same case names the same people
        chosen.append(t)
    return chosen
