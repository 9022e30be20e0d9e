"""Finding the releases about a topic: BM25 over paragraphs, grouped by release, then checked for
the topic's names (a near miss such as 'Operation Mic Check' must not match 'Operation Mic Drop')."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.commands.weights import WEIGHTS, RankingWeights
from bot.snapshot import Snapshot, copy_roots, index_rows
from bot.snapshot import headline_titles as _headlines
from bot.snapshot import release_index_rows as _release_rows

_CAP_WORD = re.compile(r"^[A-Z][\w’'.-]*$")


@dataclass
class TopicRelease:
    release_id: str
    score: float
    bm25: float = -1.0  # the release-level BM25 score before the key-phrase boost (-1: the score itself)

    def __post_init__(self) -> None:
        if self.bm25 < 0:
            self.bm25 = self.score


def key_pairs(snap: Snapshot, topic: str, runs: list[list[str]]) -> list[tuple[str, str]]:
    """The topic's adjacent word pairs as index tokens, stopwords dropped as the index drops them
    ('smashed back doors' -> (smash, back), (back, door); '16 victims including two juveniles'), less
    the pairs inside a capitalized name ('Orange County', 'Los Angeles'): a name is a place or a person
    every release of an office may name, checked by `mentions_names`, while a description's pairs are
    the case's key fact, written the same way in the release that tells it."""
    in_name = {w for run in runs for w in run}
    toks: list[tuple[str, bool]] = []
    for w in topic.split():
        toks.extend((t, w in in_name) for t in snap.tokenizer(w))
    return [(a, b) for (a, na), (b, nb) in zip(toks, toks[1:], strict=False) if a != b and not (na and nb)]


def _release_pairs(snap: Snapshot, release_ids: list[str], pairs: list[tuple[str, str]]) -> list[set[tuple[str, str]]]:
    """Per release, the topic's pairs it writes adjacently within a paragraph. Only the paragraphs holding
    both words of some pair (the paragraph index's postings, one lookup per word for all the releases; a
    repeated paragraph by its first copy) are tokenized, and not a link to another story."""
    table = snap.corpus.paragraphs
    ranges = [snap._ranges().get(rid, (0, 0)) for rid in release_ids]
    spans = [(k, pid, hi - lo) for k, (lo, hi) in enumerate(ranges) for pid in range(lo, hi)]
    found: list[set[tuple[str, str]]] = [set() for _ in release_ids]
    if not spans:
        return found
    pids = index_rows(snap)
    root = copy_roots(snap)
    own = np.asarray([root.get(pid, pid) for _, pid, _ in spans], dtype=np.int64)
    at = np.clip(np.searchsorted(pids, own), 0, len(pids) - 1)
    rows = np.where(pids[at] == own, at, -1)
    present: dict[str, np.ndarray] = {}
    for tok in {t for pr in pairs for t in pr}:
        post = np.asarray(snap.index.postings(tok))
        if len(post) == 0:
            present[tok] = np.zeros(len(rows), dtype=bool)
            continue
        i = np.clip(np.searchsorted(post, rows), 0, len(post) - 1)
        present[tok] = (post[i] == rows) & (rows >= 0)
    both = {pr: present[pr[0]] & present[pr[1]] for pr in set(pairs)}
    hit = np.zeros(len(rows), dtype=bool)
    for b in both.values():
        hit |= b
    wanted = set(pairs)
    for j in np.flatnonzero(hit).tolist():
        k, pid, count = spans[j]
        if all(pr in found[k] for pr, b in both.items() if b[j]):
            continue  # this paragraph could only add pairs the release is already known to write
        text = table.texts[pid]
        if not other_story_link(snap, text, table.numbers[pid], count, release_ids[k]):
            toks = snap.tokenizer(text)
            found[k].update(wanted.intersection(zip(toks, toks[1:], strict=False)))
    return found


def _pair_boost(snap: Snapshot, topic: str, runs: list[list[str]], ranked: list[TopicRelease],
                w: RankingWeights) -> list[TopicRelease]:
    """Lift the candidates that write the topic's key pairs as the topic does (by the pairs' idf),
    re-sorted: a description of the case's key fact ('smashed back doors', '16 victims including two
    juveniles') finds the release telling it over ones that merely share its words many times."""
    pairs = key_pairs(snap, topic, runs)
    if len(pairs) < w.topic_pair_min or not ranked:
        return ranked
    idf = snap.release_index.query_weight
    weight = {pr: idf(list(pr)) for pr in pairs}
    total = sum(weight.values()) or 1.0
    floor = w.topic_pair_window * ranked[0].score
    read = [t for t in ranked[:w.topic_pair_read] if t.score >= floor]
    out = ranked[len(read):]
    for t, have in zip(read, _release_pairs(snap, [t.release_id for t in read], pairs), strict=True):
        share = sum(v for pr, v in weight.items() if pr in have) / total
        out.append(TopicRelease(t.release_id, t.score * (1 + w.topic_pair_bonus * share), t.bm25))
    out.sort(key=lambda t: (-t.score, t.release_id))
    return out


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
    words = [t for run in runs for w in run for t in tok(w)]
    row = _release_rows(snap)[release_id]
    missing = sum(1 for t in words if not _in_release(snap, row, t))  # the index's postings: no text read
    if missing > (1 if len(words) >= 4 else 0):
        return False
    if not any(2 <= len(run) <= 3 for run in runs):
        return True
    for run in runs:
        toks = [t for w in run for t in tok(w)]
        if 2 <= len(run) <= 3 and toks and not _writes_phrase(snap, release_id, toks):
            return False
    return True


def _writes_phrase(snap: Snapshot, release_id: str, toks: list[str]) -> bool:
    """Does some paragraph of the release hold `toks` as consecutive tokens? Only the paragraphs holding
    every one of them (the paragraph index's postings; a repeated paragraph by its first copy) are
    tokenized."""
    lo, hi = snap._ranges().get(release_id, (0, 0))
    if hi <= lo:
        return False
    pids = index_rows(snap)
    root = copy_roots(snap)
    own = np.asarray([root.get(pid, pid) for pid in range(lo, hi)], dtype=np.int64)
    at = np.clip(np.searchsorted(pids, own), 0, len(pids) - 1)
    rows = np.where(pids[at] == own, at, -1)
    hit = rows >= 0
    for tok in set(toks):
        hit &= _member(rows, np.asarray(snap.index.postings(tok)))
    phrase = f" {' '.join(toks)} "
    texts = snap.corpus.paragraphs.texts
    return any(phrase in f" {' '.join(snap.tokenizer(texts[lo + j]))} " for j in np.flatnonzero(hit).tolist())


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """values[i] in sorted_set, for each i (a binary search each: no sort, unlike np.isin)."""
    if len(sorted_set) == 0:
        return np.zeros(len(values), dtype=bool)
    i = np.clip(np.searchsorted(sorted_set, values), 0, len(sorted_set) - 1)
    return sorted_set[i] == values


def phrase_pattern(topic: str) -> re.Pattern[str] | None:
    """The topic as a phrase of two words or more, any whitespace (a line break, a paragraph break of a
    PDF) between its words, any case, either apostrophe."""
    words = topic.split()
    if len(words) < 2:
        return None
    parts = [re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in words]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def names_phrase(snap: Snapshot, release_id: str, pattern: re.Pattern[str]) -> bool:
    """Does the release write the topic's phrase as a name, two capitalized words at least ('Operation
    Relentless Pursuit', 'Operation Red\nZone')? A lowercase phrase ('gun trafficking') is no name, and
    a link to another release (its headline at the foot of the page) is that release's."""
    lo, hi = snap._ranges()[release_id]
    texts, numbers = snap.corpus.paragraphs.texts, snap.corpus.paragraphs.numbers
    text = "\n".join("" if other_story_link(snap, texts[pid], numbers[pid], hi - lo, release_id) else texts[pid]
                     for pid in range(lo, hi))
    return any(sum(1 for w in m.group(0).split() if w[:1].isupper()) >= 2 for m in pattern.finditer(text))


def other_story_link(snap: Snapshot, text: str, number: int, count: int, release_id: str) -> bool:
    """A paragraph in the second half of a release that is another release's headline word for word: a
    'related news' link (San Diego, Orange County pages), whose places are that story's, not this one's."""
    if number <= count // 2:
        return False
    rid = _headlines(snap).get(" ".join(text.split()).casefold())
    other = snap.corpus.releases.get(rid) if rid is not None else None  # None: outside the asker's scope
    return other is not None and rid != release_id and other.title != snap.corpus.releases[release_id].title




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
    ranked = _pair_boost(snap, topic, runs, ranked[:w.topic_checked], w) + ranked[w.topic_checked:]
    chosen: list[TopicRelease] = []
    for t in ranked[:w.topic_checked]:
        if chosen and (t.score < ratio * chosen[0].score or len(chosen) >= max_releases):
            break
        if runs and not mentions_names(snap, t.release_id, runs):
            continue
        if not chosen:
            if t.bm25 / weight < min_relative:
                return []
        elif not snap.entities.people_in(t.release_id) & snap.entities.people_in(chosen[0].release_id):
            continue  # another story that merely shares words: the same case names the same people
        chosen.append(t)
    return chosen + phrase_releases(snap, topic, ranked[:w.topic_checked], chosen)


def phrase_releases(snap: Snapshot, topic: str, ranked: list[TopicRelease],
                    chosen: list[TopicRelease]) -> list[TopicRelease]:
    """Every other candidate release that names the topic's exact phrase: all of its stories, whatever
    their scores or people. Only once some release is about the topic at all."""
    pattern = phrase_pattern(topic)
    if not chosen or pattern is None:
        return []
    have = {t.release_id for t in chosen}
    rest = [t for t in ranked if t.release_id not in have]
    keep = _has_every_token(snap, [t.release_id for t in rest], snap.tokenizer(topic))
    return [t for t, ok in zip(rest, keep, strict=True) if ok and names_phrase(snap, t.release_id, pattern)]


def _in_release(snap: Snapshot, row: int, token: str) -> bool:
    post = snap.release_index.postings(token)
    i = int(np.searchsorted(post, row))
    return i < len(post) and int(post[i]) == row


def _has_every_token(snap: Snapshot, release_ids: list[str], tokens: list[str]) -> list[bool]:
    """Which releases hold every token of the topic (from the release index's postings: no text read)."""
    rows_of = _release_rows(snap)
    rows = np.asarray([rows_of[r] for r in release_ids], dtype=np.int64)
    ok = np.ones(len(rows), dtype=bool)
    for t in set(tokens):
        ok &= _member(rows, np.asarray(snap.release_index.postings(t)))
    return [bool(x) for x in ok]
