"""Cleaning up the people found release by release: folding one person's several records together
(surname-only mentions, nicknames) and dropping headline phrases read as names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from nicknames import NickNamer

from bot.extract.tokens import name_key
from bot.ingest.corpus import Corpus
from bot.people.person import Person, Quote


def _shares_title(a: Person, b: Person) -> bool:
    """Same role: one title contains the other, or both end in the same two words."""
    wa = [f" {t.casefold()} " for t in a.titles]
    wb = [f" {t.casefold()} " for t in b.titles]
    if any(x in y or y in x for x in wa for y in wb):
        return True
    tails_a = {tuple(t.split()[-2:]) for t in wa if len(t.split()) >= 2}
    return any(tuple(t.split()[-2:]) in tails_a for t in wb if len(t.split()) >= 2)


def _absorb(into: Person, p: Person) -> None:
    """Add p's names, titles, mentions and releases to `into`."""
    for n, c in p.names.items():
        into.names[n] = into.names.get(n, 0) + c
    for t, c in p.titles.items():
        into.titles[t] = into.titles.get(t, 0) + c
    for t, pids in p.title_pids.items():
        into.title_pids.setdefault(t, []).extend(pids)
    into.mention_pids.extend(p.mention_pids)
    into.releases |= p.releases


def _renumber(people: list[Person], quotes: list[Quote], target: dict[int, int]) -> tuple[list[Person], list[Quote]]:
    """Drop the people merged away (`target`: old id -> id merged into) and renumber the rest."""
    kept = [p for p in people if p.id not in target]
    new_id = {p.id: i for i, p in enumerate(kept)}
    for p in kept:
        p.id = new_id[p.id]
    return kept, [Quote(new_id[target.get(q.person, q.person)], q.pid, q.start, q.end) for q in quotes]


def merge_surname_only(people: list[Person], quotes: list[Quote]) -> tuple[list[Person], list[Quote]]:
    """Fold 'Attorney General Barr' into 'U.S. Attorney General William Barr' when exactly one
    full-named person of that surname carries a matching title; renumber the rest."""
    by_last: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        if p.first:
            by_last[name_key(p.last)].append(p)
    target: dict[int, int] = {}
    for p in people:
        if p.first or not p.titles:
            continue
        namesakes = by_last.get(name_key(p.last), [])
        if len(namesakes) >= 5:  # a common surname ("TPD Officers Nguyen and Roque"): only the same title
            mine = {t.casefold() for t in p.titles}
            matches = [f for f in namesakes if mine & {t.casefold() for t in f.titles}]
        else:
            matches = [f for f in namesakes if _shares_title(p, f)]
        matches.sort(key=lambda f: -f.evidence)
        if len(matches) == 1 or (len(matches) > 1 and matches[0].evidence >= 5 * max(1, matches[1].evidence)):
            target[p.id] = matches[0].id
            _absorb(matches[0], p)
    return _renumber(people, quotes, target)


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


def same_given_name(a: str, b: str) -> bool:
    """'Tony' and 'Anthony', 'Ken' and 'Kenneth': the same given name, by a curated nickname list."""
    a, b = name_key(a), name_key(b)
    if a == b:
        return True
    nn = _nicknamer()
    return b in nn.nicknames_of(a) or a in nn.nicknames_of(b)


def merge_nicknames(people: list[Person], quotes: list[Quote]) -> tuple[list[Person], list[Quote]]:
    """Fold 'Anthony J. Rackauckas' into 'Tony Rackauckas': same surname, interchangeable given names,
    and a shared official title. Two defendants called Mike and Michael Gonzalez stay apart."""
    by_last: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        if p.first and p.holds_official_title():
            by_last[name_key(p.last)].append(p)
    target: dict[int, int] = {}
    for group in by_last.values():
        group.sort(key=lambda p: -p.evidence)
        for i, p in enumerate(group):
            if p.id in target:
                continue
            for f in group[:i]:
                if f.id not in target and same_given_name(p.first, f.first) and _shares_title(p, f):
                    target[p.id] = f.id
                    _absorb(f, p)
                    break
    return _renumber(people, quotes, target)


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]{2,}")


def common_words(corpus: Corpus, min_count: int = 3) -> frozenset[str]:
    """Words the corpus often writes in lowercase: 'lawsuit', 'statistics' (but never 'garrison')."""
    return frequent_words(lower_word_counts(corpus.paragraphs.texts), min_count)


def lower_word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each lowercase word occurs in these paragraphs (kept in a snapshot, so an incremental
    update adds and subtracts the changed releases' counts)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_LOWER_WORD.findall(text))
    return counts


def frequent_words(counts: Counter[str], min_count: int = 3) -> frozenset[str]:
    """The words of `counts` seen at least `min_count` times (see `common_words`)."""
    return frozenset(w for w, c in counts.items() if c >= min_count)


def drop_phrases(people: list[Person], quotes: list[Quote], common: frozenset[str]
                  ) -> tuple[list[Person], list[Quote]]:
    """Drop 'people' whose every name word is an ordinary word: headline phrases such as
    'Settles Consumer Protection Lawsuit' or 'Labor Statistics' read as names after a title."""
    def phrase(p: Person) -> bool:
        words = (p.first + " " + p.last).split() if p.first else [p.last]
        return all(w.casefold() in common for w in words)

    kept = [p for p in people if not phrase(p)]
    if len(kept) == len(people):
        return people, quotes
    new_id = {p.id: i for i, p in enumerate(kept)}
    for p in kept:
        p.id = new_id[p.id]
    return kept, [Quote(new_id[q.person], q.pid, q.start, q.end) for q in quotes if q.person in new_id]
