"""Inside a release that answers a search, the passage that answers it.

BM25 saturates term frequency per paragraph, so the paragraph that repeats a release's names wins over
the one sentence that answers a question. Here each paragraph is scored by its best sentence: the share
of the query's content words that sentence holds, each word weighted by its rarity in the corpus (idf)
and inside the release (a name every paragraph repeats tells the paragraphs apart less than the word
'grant'), times a cue for the kind of answer the question asks for (bot/commands/cues.py: an amount for 'how much', a date for
'when', a reason for 'why', what to do and whom to reach for 'how can', their names for 'which churches';
for 'how many X' more when the number counts X, for 'how much ... VERB' when the amount goes with the verb), and lowered for headline-like
lines (a date alone, a title-case line without a full stop, a breadcrumb trail). A sentence holding the
answer's shape is also read with the sentence before it, which often names its subject; a first name counts
as often in the release as the surname it is then called by. `search` re-ranks its first releases by the
score of the passage answering inside each."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from bot.commands.cues import AnswerCue, answer_cue, count_focus
from bot.commands.headline_lines import headline_like
from bot.commands.paraphrase import Unit, query_units
from bot.commands.weights import WEIGHTS, RankingWeights
from bot.people.citations import is_headline
from bot.snapshot import Snapshot, copy_roots, index_rows
from bot.textnorm import sentence_spans

# Words that ask rather than say what is asked about; removed before the query's content words are read.
_QUESTION = re.compile(r"\b(?:how\s+(?:much|many|long|often|old)|why|what|when|where|which|whom|whose|who|"
                       r"(?:did|does|do|was|were|is|are|could|would|should|has|have|had)n[’']?t)\b", re.IGNORECASE)


def content_query(query: str) -> str:
    """The query without the words that only ask ('how much', 'why', "didn't")."""
    return _QUESTION.sub(" ", query)


def _containing(snap: Snapshot, pids: Sequence[int], terms: Sequence[str]) -> dict[int, set[str]]:
    """For the paragraphs `pids` (one release's), which of `terms` each contains, read from the index's
    postings: a paragraph the index holds as a copy of another (the same words, bar case and spacing) is
    read from the row of its first printing."""
    index_pids = index_rows(snap)
    roots = copy_roots(snap)
    texts_of = np.asarray([roots.get(pid, pid) for pid in pids], dtype=np.int64)
    rows = np.searchsorted(index_pids, texts_of)
    rows = np.minimum(rows, max(len(index_pids) - 1, 0))
    own = index_pids[rows] == texts_of if len(index_pids) else np.zeros(len(pids), bool)
    found: dict[int, set[str]] = {pid: set() for pid, ok in zip(pids, own.tolist(), strict=True) if ok}
    keep = np.flatnonzero(own)
    wanted, who = rows[keep], [pids[i] for i in keep.tolist()]
    if not len(wanted):
        return found
    for t in terms:
        post = snap.index.postings(t)
        if not len(post):
            continue
        at = np.minimum(np.searchsorted(post, wanted), len(post) - 1)
        for i in np.flatnonzero(post[at] == wanted).tolist():
            found[who[i]].add(t)
    return found


def answer_windows(snap: Snapshot, text: str, cue: AnswerCue | None) -> list[frozenset[str]]:
    """The index terms of each sentence of `text`; a sentence holding what the question asks for (`cue`) is
    also read together with the sentence before it, which often names its subject ('One victim worked at
    Rose Garden ... The victim reported she was paid $150 a day')."""
    spans, terms = _sentence_terms(snap, text)
    sentences = list(terms)
    if cue is not None:
        sentences += [sentences[i - 1] | sentences[i] for i in range(1, len(spans)) if cue.search(text, *spans[i])]
    return sentences


_MEMO = 20_000  # paragraphs (or releases) whose query-independent reading is remembered, per snapshot


def _memo(snap: Snapshot, name: str) -> dict:
    """A per-snapshot table of readings that depend on no query, emptied when it reaches `_MEMO` entries
    (answer threads share it: a lost entry is only read again)."""
    table = snap.__dict__.get(name)
    if table is None or len(table) >= _MEMO:
        table = snap.__dict__[name] = {}
    return table


def _sentence_terms(snap: Snapshot, text: str) -> tuple[list[tuple[int, int]], tuple[frozenset[str], ...]]:
    """The spans of `text`'s sentences and the index terms of each (remembered: they depend on no query)."""
    table = _memo(snap, "_sentence_terms")
    got = table.get(text)
    if got is None:
        spans = sentence_spans(text)
        got = table[text] = (spans, tuple(frozenset(snap.tokenizer.document(text[a:b])) for a, b in spans))
    return got


class Weighed:
    """The query's units with their weights, split for speed: one-word units without another wording are
    read by set membership, the others through `Unit.held`."""

    def __init__(self, units: Sequence[Unit], weights: Sequence[float], paraphrase: float) -> None:
        self.simple = [(u.terms[0], w) for u, w in zip(units, weights, strict=True)
                       if len(u.terms) == 1 and not u.alternatives]
        self.other = [(u, w) for u, w in zip(units, weights, strict=True) if len(u.terms) > 1 or u.alternatives]
        self.paraphrase = paraphrase
        self.total = sum(weights) or 1.0

    def score(self, terms: set[str] | frozenset[str]) -> float:
        """The weight of the units `terms` hold (a unit said another way counts `paraphrase` of its own)."""
        return (sum(w for t, w in self.simple if t in terms)
                + sum(w * u.held(terms, self.paraphrase) for u, w in self.other))


def coverage(sentences: Sequence[set[str] | frozenset[str]], weighed: Weighed) -> float:
    """The best sentence's share of the query's weighted units (bot/commands/paraphrase.py for a unit said
    another way)."""
    return max((weighed.score(terms) / weighed.total for terms in sentences), default=0.0)


# A run of capitalized words, initials allowed inside ('John T. Earnest', 'Rose Garden Capo').
_NAME_RUN = re.compile(r"\b[A-Z][\w’'-]*\.?(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+))+")


def name_units(snap: Snapshot, texts: Sequence[str], terms: set[str]) -> list[tuple[set[str], str]]:
    """(query terms, the last of them) that `texts` print together inside one capitalized name ('Benjamin
    Spencer'): news names a person in full once and by the last name afterwards ('Spencer', 'the Group'),
    so inside a release the rarity of 'Benjamin' is an artifact of style, not a sign of the answer."""
    units: list[tuple[set[str], str]] = []
    for text in texts:
        for run in _name_runs(snap, text):
            toks = [t for t in run if t in terms]
            unit = (set(toks), toks[-1]) if len(set(toks)) >= 2 else None
            if unit and unit not in units:
                units.append(unit)
    return units


def _name_runs(snap: Snapshot, text: str) -> tuple[tuple[str, ...], ...]:
    """The terms of each capitalized run of `text` that has two terms or more (remembered: they depend on
    no query)."""
    table = _memo(snap, "_name_runs")
    got = table.get(text)
    if got is None:
        runs = (tuple(snap.tokenizer(m.group())) for m in _NAME_RUN.finditer(text))
        got = table[text] = tuple(run for run in runs if len(set(run)) >= 2)
    return got


@dataclass
class _Reading:
    """What scoring one release's paragraphs against one query needs, read once."""

    paragraphs: Sequence
    held: dict[int, set[str]]
    units: list[Unit]
    weights: list[float]  # each unit's weight, every word counted
    given: list[float]  # the same with the headline's words lowered (`_given`)
    cue: AnswerCue | None
    focus: str | None
    title: str
    windows: dict[int, list[frozenset[str]]] = field(default_factory=dict)  # paragraph id -> its sentences' terms
    factors: dict[int, float] = field(default_factory=dict)  # paragraph id -> its multiplier (`_factor`)


@dataclass(frozen=True)
class _Asked:
    """What reading any release against one query needs from the query alone, read once per query."""

    tokens: list[str]
    units: list[Unit]
    every: list[str]  # the index terms of every unit, in any of its wordings
    cue: AnswerCue | None
    focus: str | None


def _asked(snap: Snapshot, query: str) -> _Asked | None:
    table = _memo(snap, "_asked")
    if query in table:
        return table[query]
    tokens = list(dict.fromkeys(snap.tokenizer(content_query(query)) or snap.tokenizer(query)))
    got = None
    if tokens:
        idf = {t: snap.index.query_weight([t]) for t in tokens}
        units = [u.weighed(idf) for u in query_units(snap.tokenizer, tokens)]
        cue = answer_cue(query)
        got = _Asked(tokens, units, sorted(set().union(*(u.all_terms for u in units))), cue,
                     count_focus(snap, query) if cue else None)
    table[query] = got
    return got


def _read(snap: Snapshot, release_id: str, query: str, w: RankingWeights) -> _Reading | None:
    asked = _asked(snap, query)
    paragraphs = snap.paragraphs_of(release_id)
    if asked is None or not paragraphs:
        return None
    tokens, units, every = asked.tokens, asked.units, asked.every
    held = _containing(snap, [p.pid for p in paragraphs], every)
    for p in paragraphs:
        if p.pid not in held:  # (not indexed, not a copy: kept for a snapshot an update left so)
            held[p.pid] = set(snap.tokenizer.document(p.text)) & set(every)
    weights = _unit_weights(snap, paragraphs, held, tokens, units, w)
    title = snap.corpus.releases[release_id].title
    given = _given(snap, release_id, title, units, weights, w.passage_given) if w.passage_given != 1.0 else weights
    return _Reading(paragraphs, held, units, weights, given, asked.cue, asked.focus, title)


def _most_factor(r: _Reading, w: RankingWeights) -> float:
    """The largest multiplier `_factor` can give a paragraph for this query."""
    most = max(1.0, w.passage_headline)
    if r.cue is not None:
        most *= max(1.0, w.passage_cue) * (max(1.0, w.passage_count) if r.focus is not None else 1.0)
    return most


def _scores(snap: Snapshot, r: _Reading, unit_weight: list[float], w: RankingWeights,
            prune: bool) -> list[tuple[float, int]]:
    weighed = Weighed(r.units, unit_weight, w.paraphrase)
    top = _most_factor(r, w) if prune else 1.0
    bounded = []  # (most the paragraph can score: all its units in one sentence, times its multipliers)
    for order, p in enumerate(r.paragraphs):
        if not r.held[p.pid]:
            continue
        most = weighed.score(r.held[p.pid])
        if most > 0:  # (a paragraph holding only a word of a phrase's other wording holds nothing)
            # pruned, the multiplier is read only for the paragraphs that could still be the best with the
            # largest one (the best and its ties are among them)
            factor = r.factors.get(p.pid) if prune else _factor_of(snap, r, p, w)
            # (as the score is computed, factor times the share: rounded alike, the bound is never below it)
            bounded.append(((factor or top) * (most / weighed.total), factor, order, p, most))
    bounded.sort(key=lambda b: (-b[0], b[2]))
    out: list[tuple[int, float, int]] = []
    best, first = 0.0, len(r.paragraphs)  # the best score read, and the first paragraph (in order) scoring it
    for bound, factor, order, p, most in bounded:
        if prune and (bound < best or (bound == best and order > first)):
            break  # no paragraph left can beat the best: its sentences hold no more than it does (and a
            # tie goes to the earlier paragraph)
        if factor is None:
            factor = _factor_of(snap, r, p, w)
            most_here = factor * (most / weighed.total)
            if most_here < best or (most_here == best and order > first):
                continue
        windows = r.windows.get(p.pid)
        if windows is None:
            windows = r.windows[p.pid] = answer_windows(snap, p.text, r.cue)
        score = factor * coverage(windows, weighed)
        if score > best or (score == best and order < first):
            best, first = score, order
        out.append((order, score, p.pid))
    return [(score, pid) for _, score, pid in sorted(out)]


def _factor_of(snap: Snapshot, r: _Reading, p, w: RankingWeights) -> float:
    """Paragraph `p`'s multiplier (`_factor`), remembered for the reading `r`."""
    factor = r.factors.get(p.pid)
    if factor is None:
        factor = r.factors[p.pid] = _factor(snap, p.pid, p.text, r.title, r.cue, r.focus, w)
    return factor


def passage_scores(snap: Snapshot, release_id: str, query: str, weights: RankingWeights | None = None,
                   prune: bool = False, given: bool = True) -> list[tuple[float, int]]:
    """(score, paragraph id) of every paragraph of `release_id` holding a content word of `query`, in order;
    with `prune`, only of those that could still be the best when read (the best is always among them).
    With `given`, the words the release's headline holds weigh less (`passage_given`)."""
    w = weights or WEIGHTS
    r = _read(snap, release_id, query, w)
    return _scores(snap, r, r.given if given else r.weights, w, prune) if r else []


def _given(snap: Snapshot, release_id: str, title: str, units: Sequence[Unit], weights: list[float],
           factor: float) -> list[float]:
    """The weights with `factor` on each unit the release's headline or the names of the people it is about
    hold: they say what the release is about (the subject a question names to point at it: 'the Manhattan
    chef's killer', 'Gerald Byrne'); inside it, the passage answering is the one holding what the question
    asks beyond that ('apprehended'), often of 'he' or 'the defendant'."""
    table = _memo(snap, "_given_terms")
    said = table.get(release_id)
    if said is None:
        # the whole index's people (a scope's list is shorter: `people_in` gives ids in the whole one); only
        # weights read them, no answer shows them
        people = getattr(snap.entities, "base", snap.entities).people
        # the names tokenized in one call (an archive page names a thousand people): a bar between two
        # names keeps any term from joining across them
        names = " | ".join(f"{people[i].first} {people[i].last}" for i in sorted(snap.entities.people_in(release_id)))
        said = table[release_id] = frozenset(snap.tokenizer.document(title)) | frozenset(snap.tokenizer(names))
    return [wt * factor if all(t in said for t in u.terms) else wt for u, wt in zip(units, weights, strict=True)]


def _unit_weights(snap: Snapshot, paragraphs: Sequence, held: dict[int, set[str]], tokens: list[str],
                  units: list[Unit], w: RankingWeights) -> list[float]:
    """Each unit's weight: the corpus rarity (idf) of its own words times its rarity inside the release
    (paragraphs holding it in any of its forms), never below `passage_local_floor`."""
    n = len(paragraphs)
    having, df = release_counts(snap, paragraphs, held, tokens)
    out = []
    for u in units:
        count = df[u.terms[0]] if len(u.terms) == 1 else 0
        if u.alternatives or len(u.terms) > 1:
            forms = [frozenset(u.terms), *u.alternatives]
            count = max(count, len(set().union(*(set.intersection(*(having.get(t, set()) for t in f))
                                                 for f in forms))))
        local = math.log((n + 1) / (count + 0.5)) if n > 1 else 1.0
        out.append(snap.index.query_weight(list(u.terms)) * max(local, w.passage_local_floor))
    return out


def release_counts(snap: Snapshot, paragraphs: Sequence, held: dict[int, set[str]], tokens: list[str],
                   every_name: bool = False) -> tuple[dict[str, set[int]], dict[str, int]]:
    """(term -> the release's paragraphs holding it, query word -> how many do, a first name counted as its
    last name). Names are read only in paragraphs holding two of the query's words (a name holding two
    needs them), and not at all when the words the release holds are all as frequent in it (no name then
    changes a count); `every_name` reads every paragraph's (the same counts, slower)."""
    having: dict[str, set[int]] = {}
    for pid, terms in held.items():
        for t in terms:
            having.setdefault(t, set()).add(pid)
    df = {t: len(having.get(t, ())) for t in tokens}
    asked = set(tokens)
    if every_name or len({c for c in df.values() if c}) > 1:
        texts = [p.text for p in paragraphs if every_name or len(held[p.pid] & asked) >= 2]
        for unit, last in name_units(snap, texts, asked):
            for t in unit:  # a first name is as rare in the release as the last name it is then called by
                df[t] = max(df[t], df[last])
    return having, df


def _names_only(snap: Snapshot, pid: int, text: str, title: str) -> bool:
    """The paragraph is its release's headline or a headline-like line: read once per paragraph and
    snapshot (it depends on no query), kept in an array of the snapshot's paragraphs (-1: not read yet)."""
    seen = snap.__dict__.get("_names_only")
    if seen is None or len(seen) != len(snap.corpus.paragraphs.texts):
        seen = snap.__dict__["_names_only"] = np.full(len(snap.corpus.paragraphs.texts), -1, dtype=np.int8)
    got = int(seen[pid])
    if got < 0:
        got = int(is_headline(text, title) or headline_like(text))
        seen[pid] = got
    return bool(got)


def _factor(snap: Snapshot, pid: int, text: str, title: str, cue: AnswerCue | None, focus: str | None,
            w: RankingWeights) -> float:
    """A paragraph's multiplier: the answer's shape, a count of the thing asked about, a headline-like line."""
    factor = 1.0
    if cue is not None and cue.search(text):  # the paragraph, not only the best sentence: an answer
        factor *= w.passage_cue  # often names its subject in the sentence before ('One victim worked ...')
        if focus is not None and cue.counts(snap, text, focus):
            factor *= w.passage_count  # the number counts what is asked about, not something else
    if _names_only(snap, pid, text, title):
        factor *= w.passage_headline
    return factor


def best_passage(snap: Snapshot, release_id: str, query: str,
                 weights: RankingWeights | None = None) -> tuple[int, float] | None:
    """(paragraph id, score) of the paragraph of `release_id` that best answers `query`; None when no
    paragraph holds a content word of it."""
    w = weights or WEIGHTS
    r = _read(snap, release_id, query, w)
    scores = _scores(snap, r, r.given, w, prune=True) if r else []
    if not r or not scores:
        return None
    score, pid = max(scores, key=lambda t: t[0])
    if r.given != r.weights:  # how well the release answers counts every word, its headline's too
        score = max(s for s, _ in _scores(snap, r, r.weights, w, prune=True))
    return pid, score
