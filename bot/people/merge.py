"""Cleaning up the people found release by release: folding one person's several records together
(surname-only mentions, nicknames) and dropping headline phrases read as names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from nicknames import NickNamer

from bot.extract.titles import title_has_office_word
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


def merge_headline_words(people: list[Person], quotes: list[Quote], common: frozenset[str]
                         ) -> tuple[list[Person], list[Quote]]:
    """Fold 'Eric Gonzalez Moves' into 'Eric Gonzalez' and 'Creuzot Issues' into the one Creuzot (a full name
    of one person, or a surname only one full-named person carries): a title-case
    headline's verb ('Issues', 'Unveils', 'Regarding') read as a surname. A last word is taken for such a word
    only when the corpus often writes it in lower case and no one carries it as a surname after a given name
    ('Andrew Young': a two-word name whose first word is nobody's surname keeps every 'Young' apart)."""
    by_full: dict[tuple[str, str], list[Person]] = defaultdict(list)  # one record spans the sources
    by_surname: dict[str, list[Person]] = defaultdict(list)
    by_last: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        if p.first:
            by_full[(name_key(p.first), name_key(p.last))].append(p)
            by_surname[name_key(p.last)].append(p)
            by_last[p.last.casefold()].append(p)
    target: dict[int, int] = {}
    for word, group in by_last.items():
        if word not in common:
            continue
        words = [_written(p) for p in group]
        if any(len(w) == 2 and not by_surname.get(name_key(w[0])) for w in words):
            continue  # 'Andrew Young': the word is someone's surname
        for p, w in zip(group, words, strict=True):
            key = (name_key(w[0]), name_key(w[-2])) if len(w) >= 3 else None
            found = by_full.get(key, []) if key else by_surname.get(name_key(w[0]), [])
            found = [h for h in found if h.id != p.id and h.id not in target]
            if len(w) >= 2 and len(found) == 1:
                target[p.id] = found[0].id
                names, p.names = p.names, {}  # the phrase is no name of theirs
                _absorb(found[0], p)
                p.names = names
    return _renumber(people, quotes, target)


def _written(p: Person) -> list[str]:
    """The words of the person's most frequent written name."""
    return max(p.names, key=lambda n: p.names[n]).split() if p.names else [p.first, p.last]


CASE_ROLES = frozenset({"defendant", "co-defendant", "codefendant", "victim", "suspect", "inmate"})
SPLIT_RATIO = 5  # an official's titles must outnumber the case roles this many times ...
SPLIT_MIN = 10  # ... and be this many: a much-named official, not an officer on trial


def split_case_roles(people: list[Person], quotes: list[Quote], release_of: Sequence[str], texts: Sequence[str],
                     ratio: int = SPLIT_RATIO, minimum: int = SPLIT_MIN) -> tuple[list[Person], list[Quote]]:
    """An official named in many releases ('Brooklyn District Attorney Eric Gonzalez') does not hold the case
    roles a namesake's sentences give ('identified the defendant as Eric “Ricky” Gonzalez, 39'): those titles
    move to a person of their own, of the same name, with the releases that say them. `release_of`: paragraph
    id -> release id, `texts`: its text (a name written only in the moved sentences, 'Ricky Gonzalez', moves
    too). A person whose case roles are not far outnumbered (an officer charged) stays whole."""
    out = list(people)
    for p in people:
        roles = {t: pids for t, pids in p.title_pids.items() if t.casefold() in CASE_ROLES}
        official = sum(len(v) for t, v in p.title_pids.items() if title_has_office_word(t))
        moved = sum(len(v) for v in roles.values())
        if not roles or official < minimum or official < ratio * moved:
            continue
        namesake = Person(len(out), p.first, p.last, p.source)
        pids = {pid for v in roles.values() for pid in v}
        # a description read only there ('39, of Beacon') is the namesake's too
        roles |= {t: v for t, v in p.title_pids.items() if not title_has_office_word(t) and set(v) <= pids}
        kept = [pid for pid in p.mention_pids if pid not in pids]
        for n in [n for n in p.names if any(n in texts[pid] for pid in pids)]:
            if not any(n in texts[pid] for pid in kept):
                namesake.names[n] = p.names.pop(n)
        if not namesake.names:
            namesake.add(namesake.names, p.name)
        for t in roles:
            namesake.titles[t] = p.titles.pop(t)
            namesake.title_pids[t] = p.title_pids.pop(t)
        namesake.mention_pids = sorted(pids)
        namesake.releases = {release_of[pid] for pid in pids}
        still = {release_of[pid] for pid in kept} | {release_of[q.pid] for q in quotes if q.person == p.id}
        p.mention_pids = kept
        p.releases &= still
        out.append(namesake)
    return out, quotes


def _identity_titles(titles: Iterable[str]) -> set[str]:
    """The titles that tell one person from another ('64, Santa Ana', 'Bronx man'), not a bare case role
    that any namesake may hold too ('defendant')."""
    return {t.casefold() for t in titles if t.casefold() not in CASE_ROLES}


def split_by_office(people: list[Person], quotes: list[Quote], release_of: Sequence[str],
                    source_of: Mapping[str, str]) -> tuple[list[Person], list[Quote]]:
    """Two people who share a name but not a description are two people: a person who is no official,
    described in the releases of two or more offices (`source_of`: release id -> source) with no description
    in common ('his wife, 32-year-old Felix Mendez' in Orange, 'Felix Mendez, 49' in Brooklyn), becomes one
    person per office. Officials, and people one office alone describes, stay whole."""
    out = list(people)
    moved: dict[tuple[int, int], int] = {}  # (person id, paragraph id) -> the new person's id
    for p in people:
        if not p.first or p.is_official():
            continue
        by_source: dict[str, set[str]] = defaultdict(set)
        for t, pids in p.title_pids.items():
            for pid in pids:
                by_source[source_of.get(release_of[pid], "")].update(_identity_titles([t]))
        described = [src for src, ts in by_source.items() if ts]
        if len(described) < 2 or any(by_source[a] & by_source[b] for a in described for b in described if a < b):
            continue
        _keep, *others = sorted(described, key=lambda src: -len([r for r in p.releases if source_of.get(r) == src]))
        for src in others:
            twin = Person(len(out), p.first, p.last, src, names=dict(p.names))
            mine = {pid for pid in p.mention_pids if source_of.get(release_of[pid]) == src}
            mine |= {pid for pids in p.title_pids.values() for pid in pids if source_of.get(release_of[pid]) == src}
            for t, pids in list(p.title_pids.items()):
                there = [pid for pid in pids if pid in mine]
                if there:
                    twin.title_pids[t] = there
                    twin.titles[t] = len(there)
                    rest = [pid for pid in pids if pid not in mine]
                    if rest:
                        p.title_pids[t], p.titles[t] = rest, len(rest)
                    else:
                        del p.title_pids[t], p.titles[t]
            twin.mention_pids = [pid for pid in p.mention_pids if pid in mine]
            p.mention_pids = [pid for pid in p.mention_pids if pid not in mine]
            twin.releases = {r for r in p.releases if source_of.get(r) == src}
            p.releases -= twin.releases
            moved.update({(p.id, pid): twin.id for pid in mine})
            out.append(twin)
    if not moved:
        return people, quotes
    return out, [Quote(moved.get((q.person, q.pid), q.person), q.pid, q.start, q.end) for q in quotes]


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
