"""The people index: lookup of who is named where, with which titles, and which quotations they said
(built by bot.people.build)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.extract.lexicon import QUERY_SUFFIX_KEYS, QUERY_TITLE_WORDS, SUFFIXES
from bot.extract.tokens import name_key
from bot.people.person import Person, Quote


def _is_query_title_word(word: str) -> bool:
    return word.casefold().rstrip(".") in QUERY_TITLE_WORDS


@dataclass
class PeopleMatch:
    """People answering a name query; `fuzzy` when found by spelling similarity, not exactly."""

    people: list[Person]
    fuzzy: bool = False
    suggestion: str | None = None
    close: list[Person] = field(default_factory=list)  # other people of a close spelling, after exact matches


class EntityIndex:
    """Lookup of people by name, with their titles, mentions and quotations."""

    def __init__(self, people: list[Person], quotes: list[Quote]) -> None:
        self._setup(people, quotes)

    def people_in(self, release_id: str, max_releases: int = 20) -> set[int]:
        """The people a release is about: named with first and last name, not officials (prosecutors,
        detectives, judges) and not named in more than `max_releases` releases."""
        table = self.__dict__.get("_by_release")
        if table is None:  # derived once per snapshot, never saved
            table = defaultdict(set)
            for p in self.people:
                if p.first and p.evidence and not p.is_official() and len(p.releases) <= max_releases:
                    for rid in p.releases:
                        table[rid].add(p.id)
            self.__dict__["_by_release"] = table
        return table.get(release_id, set())

    def warm(self) -> None:
        """Derive now the tables built on first use (the people of each release, surname parts, the
        autocomplete list), so that no answer after a load pays for them."""
        self.people_in("")
        self._by_surname_part()
        self.suggest("", 1)

    def __getstate__(self) -> dict:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_suggest", "_by_release", "_parts")}
        state["by_last"] = dict(self.by_last)
        state["quotes_by_person"] = {k: [(q.person, q.pid, q.start, q.end) for q in v]
                                     for k, v in self.quotes_by_person.items()}
        return state

    def __setstate__(self, state: dict) -> None:
        state["by_last"] = defaultdict(list, state["by_last"])
        state["quotes_by_person"] = defaultdict(list, {k: [Quote(*q) for q in v]
                                                       for k, v in state["quotes_by_person"].items()})
        self.__dict__.update(state)

    def _setup(self, people: list[Person], quotes: list[Quote]) -> None:
        self.people = people
        self.quotes_by_person: dict[int, list[Quote]] = defaultdict(list)
        for q in quotes:
            self.quotes_by_person[q.person].append(q)
        self.by_last: dict[str, list[int]] = defaultdict(list)
        for p in people:
            self.by_last[name_key(p.last)].append(p.id)
            if "-" in p.last:  # "Thompson-Taylor" answers to "Thompson" and to "Taylor" as well
                for part in p.last.split("-"):
                    if len(part) > 1 and name_key(part) != name_key(p.last):
                        self.by_last[name_key(part)].append(p.id)
            for parts in _compound_surnames(p):  # 'Lili Trujillo Puckett': 'Trujillo Puckett' is one surname
                self.by_last[name_key("".join(parts))].append(p.id)
        self.by_last = defaultdict(list, {k: list(dict.fromkeys(v)) for k, v in self.by_last.items()})
        self._last_keys = list(self.by_last)
        self._full_ids = [p.id for p in people if p.first]
        self._full_keys = [f"{name_key(p.first)} {name_key(p.last)}" for p in people if p.first]

    def _rank(self, ids: list[int]) -> list[Person]:
        ppl = [self.people[i] for i in ids]
        return sorted(ppl, key=lambda p: (-min(p.evidence, 3), -len(self.quotes_by_person.get(p.id, ())),
                                          -len(p.mention_pids), p.id))

    def find(self, query: str) -> PeopleMatch:
        """People matching a surname, a full name, or (fuzzily) a misspelling of one."""
        words = name_words(query)
        if not words:
            return PeopleMatch([])
        last, first = words[-1], (words[0] if len(words) > 1 else "")
        if first:
            full = self._find_full(first, last)
            if full.people and not full.fuzzy:
                return full
            # 'petro nixon', 'hernandez santiago': a hyphenated or two-part surname typed with a space
            compound = self._rank(self.by_last.get("".join(words[-2:]), []))
            if len(words) > 2 and compound:
                compound = [p for p in compound if p.first and words[0] in _given_names(p)] or compound
            return PeopleMatch(compound) if compound else full
        fuzzy = False
        lasts = [last] if last in self.by_last else []
        if not lasts and len(last) >= 4:
            hits = process.extract(last, self._last_keys, scorer=fuzz.ratio, score_cutoff=80, limit=3)
            if hits:
                lasts, fuzzy = [h[0] for h in hits if h[1] >= hits[0][1] - 10], True
        ppl = self._rank([i for k in lasts for i in self.by_last[k]])
        close: list[Person] = []
        if not fuzzy and len(last) >= 5:  # 'Stephen' names someone; 'Stephan' may be whom the user meant
            hits = process.extract(last, self._last_keys, scorer=fuzz.ratio, score_cutoff=85, limit=3)
            seen = {p.id for p in ppl}
            close = [p for h in hits if h[0] != last for p in self._rank(self.by_last[h[0]])
                     if p.id not in seen and p.first and p.titles]
        return PeopleMatch(ppl, fuzzy=fuzzy and bool(ppl), close=close)

    def _find_full(self, first: str, last: str) -> PeopleMatch:
        """A first name + surname query: both must match (a near miss is only a suggestion)."""
        named = [i for i in self.by_last.get(last, []) if self.people[i].first]
        # 'Maria Ruiz' for Maria Ruiz Ortega: a first name with either part of a two-part surname
        named += [i for i in self._by_surname_part().get(last, []) if i not in named]
        # a given name the corpus uses for the person rules out close spellings: 'Eric' is not 'Erica'.
        # Nicknames are not guessed here: 'Jack Creuzot' is not 'John Creuzot' unless a release says so.
        exact = [i for i in named if first in _given_names(self.people[i])]
        if not exact:
            exact = [i for i in named if any(fuzz.ratio(first, f) >= 80 for f in _given_names(self.people[i]))]
        if exact:
            return PeopleMatch(self._rank(exact))
        hits = process.extract(f"{first} {last}", self._full_keys, scorer=fuzz.ratio, score_cutoff=85, limit=5)
        ids = [self._full_ids[h[2]] for h in hits
               if fuzz.ratio(first, name_key(self.people[self._full_ids[h[2]]].first)) >= 80]
        ids = [i for i in ids if first in _given_names(self.people[i])] or ids
        if ids:
            return PeopleMatch(self._rank(ids), fuzzy=True)
        near = self._rank(self.by_last.get(last, []))[:1]
        return PeopleMatch([], suggestion=near[0].name if near else None)

    def _by_surname_part(self) -> dict[str, list[int]]:
        """The first part of a two-part surname ('ruiz' of Maria Ruiz Ortega); derived once, never saved."""
        table = self.__dict__.get("_parts")
        if table is None:
            table = defaultdict(list)
            for p in self.people:
                for parts in _compound_surnames(p):
                    table[name_key(parts[0])].append(p.id)
            self.__dict__["_parts"] = table
        return table

    def suggest(self, typed: str, limit: int = 25) -> list[str]:
        """Names for autocomplete: people whose first or last name starts with what was typed (best
        evidenced first), then close spellings of a surname."""
        table = self.__dict__.get("_suggest")
        if table is None:  # derived once per snapshot, never saved
            ranked = sorted((p for p in self.people if p.first and p.evidence), key=lambda p: -p.evidence)
            table = self.__dict__["_suggest"] = [(p.name, name_key(p.first), name_key(p.last)) for p in ranked]
        words = [name_key(w) for w in typed.split()]
        if not words:
            return list(dict.fromkeys(n for n, _, _ in table))[:limit]
        out: list[str] = []
        for name, first, last in table:
            if (len(words) == 1 and (first.startswith(words[0]) or last.startswith(words[0]))) or (
                    len(words) > 1 and first.startswith(words[0]) and last.startswith(words[-1])):
                out.append(name)
                if len(out) >= limit:
                    break
        if len(out) < limit:
            hits = process.extract(words[-1], [t[2] for t in table], scorer=fuzz.ratio, score_cutoff=70,
                                   limit=limit)
            out += [table[h[2]][0] for h in hits]
        return list(dict.fromkeys(out))[:limit]


def _given_names(p: Person) -> set[str]:
    """Name keys of every given name the corpus uses for p ('tony', 'anthony')."""
    return {name_key(p.first)} | {name_key(n.split()[0]) for n in p.names if len(n.split()) > 1}


def _compound_surnames(p: Person) -> list[tuple[str, str]]:
    """The last two words of each three-word form of p's name ('Lili Trujillo Puckett' -> ('Trujillo',
    'Puckett')): Spanish-style paternal and maternal surnames, or a middle name (harmless as a key)."""
    out = []
    for n in p.names:
        words = [w for w in n.split() if w[:1].isupper() and not w.endswith(".") and w not in SUFFIXES]
        if len(words) == 3 and name_key(words[-1]) == name_key(p.last):
            out.append((words[1], words[2]))
    return list(dict.fromkeys(out))


def name_words(query: str) -> list[str]:
    """The name keys of a typed name, as `EntityIndex.find` reads them: commas are spaces, leading title
    words ("DA Stephan", "Judge Garland") and suffixes ('Jr.') are not part of the name."""
    kept = query.replace(",", " ").split()
    while len(kept) > 1 and _is_query_title_word(kept[0]):
        kept.pop(0)
    return [w for w in (name_key(k) for k in kept) if w and w not in QUERY_SUFFIX_KEYS]
