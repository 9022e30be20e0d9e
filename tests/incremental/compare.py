"""Comparing two snapshots as answers see them: paragraph ids differ between an incrementally updated
snapshot (new paragraphs appended) and a full rebuild (paragraphs in load order), so everything is compared
by (release id, paragraph number within the release)."""

from __future__ import annotations

import math

from bot.index.highlights import WORD
from bot.snapshot import Snapshot

# Scores are compared to this relative tolerance: the mean idf that terms in over half the documents get
# is summed in each index's own term order (bot/index/merge.py), which moves those weights in the last bits.
REL_TOL = 1e-12


def where(snap: Snapshot, pid: int) -> tuple[str, int]:
    """A paragraph as (release id, paragraph number): the same in both snapshots."""
    return snap.corpus.paragraphs.release_ids[pid], snap.corpus.paragraphs.numbers[pid]


def tie_groups(hits: list[tuple[object, float]], k: int) -> list[tuple[float, frozenset]]:
    """The top-k as groups of equal scores (each group a set), the last group whole even past k."""
    groups: list[tuple[float, set]] = []
    for item, score in hits:
        if groups and math.isclose(groups[-1][0], score, rel_tol=REL_TOL, abs_tol=0.0):
            groups[-1][1].add(item)
        elif sum(len(g) for _, g in groups) >= k:
            break
        else:
            groups.append((score, {item}))
    return [(s, frozenset(g)) for s, g in groups]


def same_groups(a: list[tuple[float, frozenset]], b: list[tuple[float, frozenset]]) -> bool:
    return len(a) == len(b) and all(ga == gb and math.isclose(sa, sb, rel_tol=REL_TOL, abs_tol=0.0)
                                    for (sa, ga), (sb, gb) in zip(a, b, strict=True))


def search_groups(snap: Snapshot, query: str, k: int = 10) -> list[tuple[float, frozenset]]:
    """Paragraph search's top k (fetched deeper, so a tie group cut at k is seen whole)."""
    return tie_groups([(where(snap, pid), s) for pid, s in snap.search(query, k + 100)], k)


def release_groups(snap: Snapshot, query: str, k: int = 10) -> list[tuple[float, frozenset]]:
    """The release index's top k, by release id."""
    hits = snap.release_index.top_k(snap.tokenizer(query), k + 100)
    return tie_groups([(snap.release_ids[row], s) for row, s in hits], k)


def people_view(snap: Snapshot) -> list[tuple]:
    """Every person in id order, paragraphs as (release id, number), quotes included."""
    out = []
    for p in snap.entities.people:
        quotes = [(where(snap, q.pid), q.start, q.end) for q in snap.entities.quotes_by_person.get(p.id, [])]
        out.append((p.id, p.name, p.first, p.last, p.source, dict(p.names), dict(p.titles),
                    {t: [where(snap, x) for x in pids] for t, pids in p.title_pids.items()},
                    [where(snap, x) for x in p.mention_pids], sorted(p.releases), quotes))
    return out


def corpus_view(snap: Snapshot) -> dict:
    """Releases, their paragraphs, copies (with the indexed one first) and the derived tables."""
    c = snap.corpus
    copies = {(where(snap, first), frozenset(where(snap, x) for x in others)) for first, others in c.copies.items()}
    indexed = sorted(where(snap, pid) for pid in c.index_pids)
    return {"releases": {rid: r for rid, r in c.releases.items()},
            "paragraphs": {rid: [p.text for p in snap.paragraphs_of(rid)] for rid in c.releases},
            "copies": copies, "indexed": indexed, "source_states": snap.source_states,
            "home_cities": snap.home_cities, "person_words": snap.person_words, "places": snap.places,
            "report": (c.report.releases, c.report.paragraphs, c.report.duplicate_paragraphs,
                       c.report.boilerplate_lines, sorted(c.report.skipped), sorted(c.report.identical_files))}


def answer_tables_view(snap: Snapshot) -> dict:
    """The precomputed answer tables (bot.snapshot.answer_tables) by release id and paragraph number:
    each person's name, facts and ranked evidence, each quoted person's groups most recent first, and each
    paragraph's highlight words with their terms."""
    pt, qt, hl = snap.person_table, snap.quote_table, snap.highlights
    terms = {i: t for t, i in hl.vocab.items()}
    people = []
    for p in snap.entities.people:
        lo, hi = int(pt.ptr[p.id]), int(pt.ptr[p.id + 1])
        names = list(p.title_pids)
        ranked = [(where(snap, pid), names[n]) for pid, n in zip(pt.pids[lo:hi].tolist(), pt.tidx[lo:hi].tolist(),
                                                                  strict=True)]
        people.append((pt.names[p.id], pt.facts[p.id], ranked))
    quotes = {}
    for person, groups in qt.recent_order.items():
        every = snap.entities.quotes_by_person[person]
        quotes[person] = [[(where(snap, every[i].pid), every[i].start, every[i].end) for i in g] for g in groups]
    words = {}
    texts = snap.corpus.paragraphs.texts
    for rid in snap.corpus.releases:
        for para in snap.paragraphs_of(rid):
            lo, hi = int(hl.ptr[para.pid]), int(hl.ptr[para.pid + 1])
            distinct = list(dict.fromkeys(WORD.findall(texts[para.pid])))
            words[where(snap, para.pid)] = [(distinct[w], terms[t]) for w, t in
                                            zip(hl.word[lo:hi].tolist(), hl.terms[lo:hi].tolist(), strict=True)]
    return {"people": people, "quotes": quotes, "highlights": words}
