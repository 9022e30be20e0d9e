"""The people index: who is named where, with which titles, and which quotations they said.

People are told apart by first name + surname; a surname-only mention ("DA Stephan", "said Barr")
is linked to the one person of that surname named in the same release, else kept apart per source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.extract.names import (
    TITLE_HEADS,
    Mention,
    clean_title,
    find_mentions,
    introduces_subject,
    lede_descriptors,
    name_key,
    speaker_name,
)
from bot.extract.quotes import MIN_UNATTRIBUTED, find_quotes, starts_with_quote
from bot.ingest.corpus import Corpus
from bot.people.merge import common_words, drop_phrases, merge_nicknames, merge_surname_only
from bot.people.person import OFFICIAL, Person, Quote

_WEAK_TITLES = {"mr.", "ms.", "mrs.", "mr", "ms", "mrs"}
_QUERY_TITLE_WORDS = {w.casefold().rstrip(".") for w in TITLE_HEADS} | {
    "district", "county", "deputy", "assistant", "senior", "us", "u.s", "former", "the"}


def _is_query_title_word(word: str) -> bool:
    return word.casefold().rstrip(".") in _QUERY_TITLE_WORDS


@dataclass
class PeopleMatch:
    """People answering a name query; `fuzzy` when found by spelling similarity, not exactly."""

    people: list[Person]
    fuzzy: bool = False
    suggestion: str | None = None


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
                official = any(w in t for t in p.titles for w in OFFICIAL)
                if p.first and p.evidence and not official and len(p.releases) <= max_releases:
                    for rid in p.releases:
                        table[rid].add(p.id)
            self.__dict__["_by_release"] = table
        return table.get(release_id, set())

    def __getstate__(self) -> dict:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_suggest", "_by_release")}
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
        self._last_keys = list(self.by_last)
        self._full_ids = [p.id for p in people if p.first]
        self._full_keys = [f"{name_key(p.first)} {name_key(p.last)}" for p in people if p.first]

    def _rank(self, ids: list[int]) -> list[Person]:
        ppl = [self.people[i] for i in ids]
        return sorted(ppl, key=lambda p: (-min(p.evidence, 3), -len(self.quotes_by_person.get(p.id, ())),
                                          -len(p.mention_pids), p.id))

    def find(self, query: str) -> PeopleMatch:
        """People matching a surname, a full name, or (fuzzily) a misspelling of one."""
        raw = query.replace(",", " ").split()
        # "DA Stephan", "Judge Garland": title words in the query are not part of the name
        kept = list(raw)
        while len(kept) > 1 and _is_query_title_word(kept[0]):
            kept.pop(0)
        words = [name_key(w) for w in kept]
        words = [w for w in words if w and w not in ("jr", "sr", "ii", "iii", "iv")]
        if not words:
            return PeopleMatch([])
        last, first = words[-1], (words[0] if len(words) > 1 else "")
        if first:
            return self._find_full(first, last)
        fuzzy = False
        lasts = [last] if last in self.by_last else []
        if not lasts and len(last) >= 4:
            hits = process.extract(last, self._last_keys, scorer=fuzz.ratio, score_cutoff=80, limit=3)
            if hits:
                lasts, fuzzy = [h[0] for h in hits if h[1] >= hits[0][1] - 10], True
        ppl = self._rank([i for k in lasts for i in self.by_last[k]])
        return PeopleMatch(ppl, fuzzy=fuzzy and bool(ppl))

    def _find_full(self, first: str, last: str) -> PeopleMatch:
        """A first name + surname query: both must match (a near miss is only a suggestion)."""
        named = [i for i in self.by_last.get(last, []) if self.people[i].first]
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


def _person_for(key: tuple[str, str, str], first: str, last: str, source: str,
                people: list[Person], by_key: dict[tuple[str, str, str], int]) -> Person:
    pid = by_key.get(key)
    if pid is None:
        pid = by_key[key] = len(people)
        people.append(Person(pid, first, last, source))
    return people[pid]


def build_entities(corpus: Corpus) -> EntityIndex:
    """Extract people and quotations from every English release of the corpus."""
    people: list[Person] = []
    by_key: dict[tuple[str, str, str], int] = {}
    quotes: list[Quote] = []
    by_release: dict[str, list[int]] = defaultdict(list)
    for p in corpus.paragraphs:
        by_release[p.release_id].append(p.pid)

    for rid, pids in by_release.items():
        rel = corpus.releases[rid]
        if rel.language != "en":
            continue
        source = rel.source
        found: list[tuple[int, Mention]] = [(pid, m) for pid in pids for m in find_mentions(corpus.paragraphs[pid].text)]
        # surname -> full-name keys seen in this release
        full_by_last: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
        for _pid, m in found:
            if m.first:
                full_by_last[name_key(m.last)][(name_key(m.first), name_key(m.last), "")] += 1

        def resolve(first: str, last: str, source: str = source,
                    full_by_last: dict = full_by_last) -> tuple[str, str, str]:
            lk = name_key(last)
            if first:
                return (name_key(first), lk, "")
            fulls = full_by_last.get(lk)
            if fulls:
                return fulls.most_common(1)[0][0]
            return ("", lk, source)

        for pid, m in found:
            key = resolve(m.first, m.last)
            person = _person_for(key, m.first if key[0] else "", m.last, source, people, by_key)
            if m.first and key[0]:
                person.add(person.names, m.full)
            elif not person.names:
                person.add(person.names, m.last)
            person.mention_pids.append(pid)
            person.releases.add(rid)
            title = clean_title(m.title)
            if title and title.lower() not in _WEAK_TITLES:
                person.add(person.titles, title)
                person.title_pids.setdefault(title, []).append(pid)

        _describe_subject(corpus, rid, pids, found, resolve, people, by_key, source)

        last_speaker: int | None = None
        unattributed: list[tuple[int, int, int]] = []
        attributed = 0
        for pid in pids:
            text = corpus.paragraphs[pid].text
            spans = find_quotes(text)
            if not spans:
                last_speaker = None
                continue
            para_speaker = None
            for s in spans:
                who = None
                if s.speaker:
                    parsed = speaker_name(s.speaker)
                    if parsed is None and s.intro:
                        parsed = _clause_subject(text, s.start, [m for p2, m in found if p2 == pid])
                    if parsed:
                        first, last, title = parsed
                        title = clean_title(title)
                        key = resolve(first, last)
                        person = _person_for(key, first if key[0] else "", last, source, people, by_key)
                        who = person.id
                        person.releases.add(rid)
                        if pid not in person.mention_pids:
                            person.mention_pids.append(pid)
                        if title and pid not in person.title_pids.get(title, ()):
                            person.add(person.titles, title)
                            person.title_pids.setdefault(title, []).append(pid)
                elif last_speaker is not None and starts_with_quote(text) and s.end - s.start >= MIN_UNATTRIBUTED:
                    who = last_speaker  # a quotation continuing the previous paragraph's speaker
                if who is not None:
                    quotes.append(Quote(who, pid, s.start, s.end))
                    para_speaker = who
                    attributed += 1
                elif starts_with_quote(text) and s.end - s.start >= MIN_UNATTRIBUTED:
                    unattributed.append((pid, s.start, s.end))
            last_speaker = para_speaker
        subject = _profile_subject(rel.title, resolve) if not attributed and len(unattributed) >= 2 else None
        if subject is not None and subject in by_key:
            # a profile or interview ("Meet Deputy District Attorney Jack Yeh"): its answers are the subject's
            quotes.extend(Quote(by_key[subject], pid, a, b) for pid, a, b in unattributed)
    for person in people:
        if not person.names:
            person.add(person.names, (person.first + " " + person.last).strip())
    people, quotes = merge_surname_only(people, quotes)
    people, quotes = merge_nicknames(people, quotes)
    people, quotes = drop_phrases(people, quotes, common_words(corpus))
    return EntityIndex(people, quotes)


def _profile_subject(title: str, resolve) -> tuple[str, str, str] | None:
    """The one person a headline names in full, if exactly one."""
    keys = {resolve(m.first, m.last) for m in find_mentions(title) if m.first}
    return next(iter(keys)) if len(keys) == 1 else None


def _clause_subject(text: str, quote_start: int, mentions: list[Mention]) -> tuple[str, str, str] | None:
    """The person opening the sentence that introduces a quotation: 'Former Chief Judge Jonathan Lippman,
    Launch Committee Co-Chair and current Counsel at Latham & Watkins LLP said, “…”'."""
    for m in mentions:
        between = text[m.end:quote_start]
        if m.first and m.end <= quote_start and len(between) <= 200 and not re.search(r"[.!?”]\s", between):
            return m.first, m.last, m.title
    return None


def _describe_subject(corpus: Corpus, rid: str, pids: list[int], found: list[tuple[int, Mention]], resolve,
                      people: list[Person], by_key: dict, source: str) -> None:
    """Give the release's main subject the description its headline and lede use for them.

    News ledes describe before they name ("a Staten Island salesman has been convicted ... The District
    Attorney identified the defendant as Salvatore Perrone, 67"). The subject is the one person the
    release calls "the defendant", else the first person introduced with an age in the opening."""
    head = pids[:8]
    descs = lede_descriptors(corpus.releases[rid].title, [corpus.paragraphs[p].text for p in head[:6]])
    if not descs:
        return
    early = [(pid, m) for pid, m in found if pid in head and m.first]
    defendants = {resolve(m.first, m.last) for _pid, m in found if m.first and m.title == "defendant"}
    subject = next(iter(defendants)) if len(defendants) == 1 else None
    if subject is None:
        for pid, m in early:
            if introduces_subject(corpus.paragraphs[pid].text, m) and not any(
                    w in m.title for w in OFFICIAL):
                subject = resolve(m.first, m.last)
                break
    if subject is None or subject not in by_key:
        return
    person = people[by_key[subject]]
    if any(any(w in t for w in OFFICIAL) for t in person.titles):
        return  # an official is not the subject of a lede about a defendant
    for d in descs:
        person.add(person.titles, d)
        person.title_pids.setdefault(d, []).append(head[0])


