"""The people index as a scope sees it (bot/commands/scoped.py): each person cut down to the releases the
scope allows, and named only as those releases name them. A full name, a given name or a nickname that
only a release out of scope prints (another server's, one still under embargo) is shown nowhere: not
as the person's name in `who`, not in autocomplete or a "did you mean", and a question naming the person
by it finds nobody."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from rapidfuzz import fuzz

from bot.extract.tokens import name_key
from bot.people.index import EntityIndex, PeopleMatch, name_words
from bot.people.person import Person, Quote

OVERFETCH = 4  # how many more hits than wanted a scope asks the whole index for (most may be out of scope)
_CLOSE_SPELLING = 70  # as the whole index's autocomplete: a surname this close to what was typed
_CLOSE_GIVEN = 80  # as the whole index's name lookup: a given name this close


class _Quotes(Mapping[int, list[Quote]]):
    """quotes_by_person restricted to quotations in allowed releases."""

    def __init__(self, base: Mapping[int, list[Quote]], owner: list[str], allowed: set[str]) -> None:
        self.base, self.owner, self.allowed = base, owner, allowed

    def __getitem__(self, person: int) -> list[Quote]:
        return [q for q in self.base[person] if self.owner[q.pid] in self.allowed]

    def get(self, person: int, default: Any = None) -> Any:
        found = self[person] if person in self.base else []
        return found or default

    def __iter__(self) -> Iterator[int]:
        return iter(self.base)

    def __len__(self) -> int:
        return len(self.base)


def restrict_person(p: Person, owner: list[str], allowed: set[str], texts: Sequence[str]) -> Person | None:
    """A copy of `p` as the allowed releases alone show them (None when none of them names p): their
    paragraphs, their titles, and the forms of the name their paragraphs print (`texts`: every paragraph's)."""
    releases = p.releases & allowed
    if not releases:
        return None
    q = copy.copy(p)
    q.releases = releases
    q.mention_pids = [pid for pid in p.mention_pids if owner[pid] in allowed]
    q.title_pids = {t: kept for t, pids in p.title_pids.items() if (kept := [x for x in pids if owner[x] in allowed])}
    q.titles = {t: min(c, len(q.title_pids[t])) for t, c in p.titles.items() if t in q.title_pids}
    if len(releases) < len(p.releases):
        pids = [*q.mention_pids, *(x for kept in q.title_pids.values() for x in kept)]
        q.names = {n: c for n, c in p.names.items() if any(n in texts[pid] for pid in pids)} or {p.last: 1}
    return q


def _named_so(person: Person, words: Sequence[str]) -> bool:
    """Each of `words` (a typed name's keys, `name_words`) is printed in one of the names `person` is shown
    with: it begins a word of one (what autocomplete sends is a beginning), or is spelt close to one; the
    surname may be spelt as loosely as the whole index allows."""
    keys = {name_key(w) for n in person.names for w in n.split()} or {name_key(person.last)}
    last = name_key(person.last)
    return all(any(k.startswith(w) or fuzz.ratio(w, k) >= _CLOSE_GIVEN for k in keys)
               or (i == len(words) - 1 and fuzz.ratio(w, last) >= _CLOSE_SPELLING) for i, w in enumerate(words))


class ScopedEntities:
    """The people index restricted to allowed releases: people no allowed release names are not found."""

    def __init__(self, base: EntityIndex, owner: list[str], texts: Sequence[str], allowed: set[str]) -> None:
        self.base, self.owner, self.texts, self.allowed = base, owner, texts, allowed
        self.quotes_by_person = _Quotes(base.quotes_by_person, owner, allowed)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    @property
    def people(self) -> list[Person]:
        """Everyone an allowed release names, as those releases show them."""
        return self._keep(self.base.people)

    def _keep(self, people: list[Person], words: Sequence[str] = ()) -> list[Person]:
        """`people` as the allowed releases show them; with `words` (what was typed, `name_words`), of a
        person the allowed releases name by fewer forms, only those they print every word of ('Tim
        Garrison' finds nobody where they all say 'Garrison')."""
        out = []
        for p in people:
            q = restrict_person(p, self.owner, self.allowed, self.texts)
            if q is not None and (q.names is p.names or _named_so(q, words)):
                out.append(q)
        return out

    def find(self, query: str) -> PeopleMatch:
        match = self.base.find(query)
        words = name_words(query)
        people = self._keep(match.people, words)
        suggestion = None
        if match.suggestion:
            shown = self._keep(self.base.find(match.suggestion).people)
            suggestion = shown[0].name if shown else None
        return PeopleMatch(people, fuzzy=match.fuzzy and bool(people), suggestion=suggestion,
                           close=self._keep(match.close))

    def people_in(self, release_id: str, max_releases: int = 20) -> set[int]:
        return self.base.people_in(release_id, max_releases) if release_id in self.allowed else set()

    def suggest(self, typed: str, limit: int = 25) -> list[str]:
        words = name_words(typed)
        out = [q.name for n in self.base.suggest(typed, limit * OVERFETCH)
               for q in self._keep(self.base.find(n).people, words)]
        return list(dict.fromkeys(out))[:limit]
