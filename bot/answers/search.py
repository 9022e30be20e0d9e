"""`search TEXT`: the best paragraphs, one per release, with the query's words to highlight."""

from __future__ import annotations

import re

from bot.answers.cite import cite
from bot.models import Answer
from bot.snapshot import Snapshot

_WORD = re.compile(r"[\w’'-]+")


def highlights_for(snap: Snapshot, text: str, query_terms: set[str]) -> list[str]:
    """Words of `text` (as written) whose index term is one of the query's terms."""
    out: list[str] = []
    for w in _WORD.findall(text):
        toks = snap.tokenizer(w)
        if toks and any(t in query_terms for t in toks) and w not in out:
            out.append(w)
    return out


def search(snap: Snapshot, query: str, limit: int, min_relative: float, per_release: int = 1) -> Answer:
    tokens = snap.tokenizer(query)
    if not tokens:
        return Answer("search", query, False, f"Nothing to search for in '{query}': only common words.")
    weight = snap.index.query_weight(tokens) or 1.0
    hits = snap.search(query, 200)
    scored = []
    for pid, score in hits:
        rel = snap.corpus.release_of(pid)
        if rel.language != "en":
            score *= 0.5  # a translation must not outrank its original
        scored.append((score, pid))
    scored.sort(key=lambda t: (-t[0], t[1]))
    if not scored or scored[0][0] / weight < min_relative:
        return Answer("search", query, False, f"No release matches '{query}'.")
    best = scored[0][0]
    per: dict[str, int] = {}
    citations, items = [], []
    terms = set(tokens)
    for score, pid in scored:
        if score < 0.3 * best or len(citations) >= limit:
            break
        rid = snap.corpus.paragraphs[pid].release_id
        if per.get(rid, 0) >= per_release:
            continue
        per[rid] = per.get(rid, 0) + 1
        text = snap.corpus.paragraphs[pid].text
        citations.append(cite(snap, pid, highlights=highlights_for(snap, text, terms)))
        items.append({"score": round(score, 4), "relative": round(score / weight, 3), "citation": len(citations) - 1})
    summary = f"{len(citations)} best paragraph(s) for '{query}'"
    return Answer("search", query, True, summary, items=items, citations=citations)
