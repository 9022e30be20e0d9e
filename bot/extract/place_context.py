"""What place names are read against, corpus-wide: the states each source's releases usually name, each
source's home city (whose police appear everywhere), the words used as people's names, and the states
one release names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from bot.extract.lexicon import STATES
from bot.extract.places import AFTER_REJECT, Gazetteer, candidates
from bot.extract.states import states_in
from bot.extract.tokens import name_key
from bot.ingest.corpus import Corpus

if TYPE_CHECKING:
    from bot.people.person import Person

_OWN_PLACE_AFTER = re.compile(r"^\s+(?:County|Police|Sheriff|city\b|residents?\b)")
_POLICE = re.compile(r"((?:[A-Z][\w.’'-]*\s){1,4})Police\b")


StateRow = tuple[frozenset[str], frozenset[str]]  # (states a release's opening names, states its places point to)


def state_row(head: str, dateline: str | None, gaz: Gazetteer) -> StateRow:
    """What one release tells of its source's state: the states its opening paragraphs (`head`, joined)
    and dateline name, and the state its county and city names point to (see `source_states`)."""
    return frozenset(states_in(head + " " + (dateline or ""))), frozenset(place_states(head, gaz))


def source_states(corpus: Corpus, configured: dict[str, str] | None = None) -> dict[str, set[str]]:
    """The home state(s) of each source: the default context for its place names. Configured
    (`corpus.home_states`, by folder or source name) wins; else the states its releases usually
    name; else, for an office that never writes its state, the state its own place names point to."""
    gaz = Gazetteer.default()
    heads: dict[str, list[str]] = defaultdict(list)
    for p in corpus.paragraphs:
        if p.number <= 6:
            heads[p.release_id].append(p.text)
    rows = ((corpus.releases[rid].source, state_row(" ".join(texts), corpus.releases[rid].dateline, gaz))
            for rid, texts in heads.items())
    return states_from_rows(rows, configured)


def states_from_rows(rows: Iterable[tuple[str, StateRow]], configured: dict[str, str] | None = None
                     ) -> dict[str, set[str]]:
    """`source_states` from each release's (source, `state_row`)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    voted: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    for src, (named_here, voted_here) in rows:
        n[src] += 1
        seen[src].update(named_here)
        voted[src].update(voted_here)
    out = {}
    for s in n:
        named = {st for st, c in seen[s].items() if c >= 0.25 * n[s] and n[s] >= 3}
        out[s] = named or inferred_state(voted[s], n[s])
    for s, code in (configured or {}).items():
        out[s] = {code}
    return out


def place_states(text: str, gaz: Gazetteer) -> set[str]:
    """The state most of a text's county and city names belong to ('Dallas County', 'Garland Police',
    'in Mesquite'), each name's vote split by the population of its namesakes; empty when none leads."""
    votes: dict[str, float] = defaultdict(float)
    for c in candidates(text, gaz):
        if not (_OWN_PLACE_AFTER.match(c.after) or c.prev in ("in", "of")) or c.name in STATES:
            continue
        us = [(r, p) for r, p in gaz.regions(c.name) if len(r) == 2 and p >= 1000]
        total = sum(p for _, p in us)
        for r, p in us:
            votes[r] += p / total
    top = sorted(votes.items(), key=lambda kv: -kv[1])[:2] + [("", 0.0), ("", 0.0)]
    return {top[0][0]} if top[0][1] >= 0.6 and top[0][1] >= 2 * top[1][1] else set()


def inferred_state(votes: Counter[str], releases: int) -> set[str]:
    """The state that leads in at least a tenth of a source's releases, three times as often as any other
    (Brooklyn releases name 'Brooklyn' more than any town, but their towns are New York's)."""
    top = votes.most_common(2) + [("", 0), ("", 0)]
    (st, k), (_, k2) = top[0], top[1]
    return {st} if releases >= 3 and k >= 0.1 * releases and k >= 3 * k2 else set()


def police_cities(text: str, gaz: Gazetteer) -> set[str]:
    """Cities named as the home of a police force: 'New York City Police Department' -> 'New York City'."""
    found: set[str] = set()
    if "Police" not in text:  # one quick scan: the pattern tries every capitalised word otherwise
        return found
    for m in _POLICE.finditer(text):
        words = m.group(1).split()
        city = next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in gaz.rows), None)
        if city:
            found.add(city)
    return found


def home_cities(corpus: Corpus, share: float = 0.1) -> dict[str, frozenset[str]]:
    """Per source, the city whose police are named in at least `share` of its releases and three times as
    often as any other's: the office's home ('New York City Police Department' in Brooklyn releases),
    background rather than a story's place."""
    gaz = Gazetteer.default()
    found: dict[str, set[str]] = defaultdict(set)
    for rid, text in zip(corpus.paragraphs.release_ids, corpus.paragraphs.texts, strict=True):
        found[rid] |= police_cities(text, gaz)
    return homes_from_rows(((rel.source, frozenset(found.get(rid, ()))) for rid, rel in corpus.releases.items()),
                           share)


def police_row(texts: Iterable[str], gaz: Gazetteer) -> frozenset[str]:
    """The cities one release names as the home of a police force (its paragraphs' `police_cities`)."""
    return frozenset(c for text in texts for c in police_cities(text, gaz))


def homes_from_rows(rows: Iterable[tuple[str, frozenset[str]]], share: float = 0.1) -> dict[str, frozenset[str]]:
    """`home_cities` from each release's (source, `police_row`)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    for src, cities in rows:
        n[src] += 1
        seen[src].update(cities)
    homes: dict[str, frozenset[str]] = {}
    for src in n:
        top = seen[src].most_common(2) + [("", 0), ("", 0)]
        (city, k), (_, k2) = top[0], top[1]
        # one city's police dominate (Brooklyn: NYPD); in a county of many police forces none does
        homes[src] = frozenset({city}) if k >= max(5, share * n[src]) and k >= 3 * k2 else frozenset()
    return homes


def named_as_thing(person: Person, text_of: Callable[[int], str] | None, gaz: Gazetteer) -> bool:
    """A 'person' who is a newspaper, team, company or place named after a town: a last word that is
    no surname ('Boston Globe', 'Cypress Hills'), or a name written after 'the' in most of its
    mentions ('the Seattle Mariners', 'the Dallas Mavericks'). Such names never make a town a person."""
    if not person.first or person.first not in gaz.rows:
        return False
    if AFTER_REJECT.match(" " + person.last):
        return True
    forms = [f for f in person.names if " " in f]
    if text_of is None or not forms:
        return False
    seen = after_the = 0
    for pid in person.mention_pids[:6]:
        text = text_of(pid)
        for f in forms:
            seen += text.count(f)
            after_the += text.count("the " + f) + text.count("The " + f)
    return seen > 0 and after_the * 2 >= seen


def person_words(people: Iterable[Person], text_of: Callable[[int], str] | None = None) -> frozenset[str]:
    """Name words used for people often enough that a bare 'Garland' or 'Irving' may be a person
    (`text_of` gives a paragraph's text, to tell 'the Dallas Mavericks' from a person)."""
    gaz = Gazetteer.default()
    counts: Counter[str] = Counter()
    for p in people:
        if named_as_thing(p, text_of, gaz):
            continue
        weight = len(p.mention_pids)
        for w in (p.first, p.last):
            if w:
                counts[w] += weight
    return frozenset(w for w, c in counts.items() if c >= 3 and name_key(w))


def release_states(texts: Iterable[str], dateline: str | None, source_default: set[str]) -> set[str]:
    """The states one release names in its paragraphs or dateline, plus its source's usual ones."""
    return states_in(" ".join(texts)) | states_in(dateline or "") | source_default
