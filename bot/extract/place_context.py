"""What place names are read against, corpus-wide: the states each source's releases usually name, each
source's home city (whose police appear everywhere), the words used as people's names, and the states
one release names."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.extract.places import Gazetteer, states_in
from bot.extract.tokens import name_key
from bot.ingest.corpus import Corpus

if TYPE_CHECKING:
    from bot.people.person import Person

_POLICE = re.compile(r"((?:[A-Z][\w.’'-]*\s){1,4})Police\b")


def source_states(corpus: Corpus) -> dict[str, set[str]]:
    """The state(s) a source's releases usually name: the default context for its place names."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    heads: dict[str, list[str]] = defaultdict(list)
    for p in corpus.paragraphs:
        if p.number <= 6:
            heads[p.release_id].append(p.text)
    for rid, texts in heads.items():
        src = corpus.releases[rid].source
        n[src] += 1
        seen[src].update(states_in(" ".join(texts) + " " + (corpus.releases[rid].dateline or "")))
    return {s: {st for st, c in seen[s].items() if c >= 0.25 * n[s] and n[s] >= 3} for s in n}


def police_cities(text: str, gaz: Gazetteer) -> set[str]:
    """Cities named as the home of a police force: 'New York City Police Department' -> 'New York City'."""
    found = set()
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
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    found: dict[str, set[str]] = defaultdict(set)
    for rid, text in zip(corpus.paragraphs.release_ids, corpus.paragraphs.texts, strict=True):
        found[rid] |= police_cities(text, gaz)
    for rid, rel in corpus.releases.items():
        n[rel.source] += 1
        seen[rel.source].update(found.get(rid, ()))
    homes: dict[str, frozenset[str]] = {}
    for src in n:
        top = seen[src].most_common(2) + [("", 0), ("", 0)]
        (city, k), (_, k2) = top[0], top[1]
        # one city's police dominate (Brooklyn: NYPD); in a county of many police forces none does
        homes[src] = frozenset({city}) if k >= max(5, share * n[src]) and k >= 3 * k2 else frozenset()
    return homes


def person_words(people: Iterable[Person]) -> frozenset[str]:
    """Name words used for people often enough that a bare 'Garland' or 'Irving' may be a person."""
    counts: Counter[str] = Counter()
    for p in people:
        weight = len(p.mention_pids)
        for w in (p.first, p.last):
            if w:
                counts[w] += weight
    return frozenset(w for w, c in counts.items() if c >= 3 and name_key(w))


def release_states(texts: Iterable[str], dateline: str | None, source_default: set[str]) -> set[str]:
    """The states one release names in its paragraphs or dateline, plus its source's usual ones."""
    return states_in(" ".join(texts)) | states_in(dateline or "") | source_default
