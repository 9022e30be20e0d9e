"""The people index: who is named where, with which titles, and which quotations they said.

People are told apart by first name + surname; a surname-only mention ("DA Stephan", "said Barr")
is linked to the one person of that surname named in the same release, else kept apart per source.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from nicknames import NickNamer
from rapidfuzz import fuzz, process

from bot.corpus import Corpus
from bot.names import (
    TITLE_HEADS,
    Mention,
    clean_title,
    find_mentions,
    introduces_subject,
    lede_descriptors,
    name_key,
    speaker_name,
)
from bot.quotes import MIN_UNATTRIBUTED, find_quotes, starts_with_quote

_WEAK_TITLES = {"mr.", "ms.", "mrs.", "mr", "ms", "mrs"}
_QUERY_TITLE_WORDS = {w.casefold().rstrip(".") for w in TITLE_HEADS} | {
    "district", "county", "deputy", "assistant", "senior", "us", "u.s", "former", "the"}


def _is_query_title_word(word: str) -> bool:
    return word.casefold().rstrip(".") in _QUERY_TITLE_WORDS


@dataclass
class Person:
    """One person as the corpus names them."""

    id: int
    first: str
    last: str
    source: str
    names: dict[str, int] = field(default_factory=dict)  # surface form -> count
    titles: dict[str, int] = field(default_factory=dict)  # title as written -> count
    title_pids: dict[str, list[int]] = field(default_factory=dict)
    mention_pids: list[int] = field(default_factory=list)
    releases: set[str] = field(default_factory=set)

    def add(self, table: dict[str, int], key: str) -> None:
        table[key] = table.get(key, 0) + 1

    @property
    def name(self) -> str:
        """The fullest form the corpus uses for this person's name."""
        if not self.names:
            return self.last
        best = max(self.names.items(), key=lambda kv: (kv[1] >= 2 or len(self.names) == 1, len(kv[0].split()), kv[1]))
        return best[0]

    @property
    def evidence(self) -> int:
        return sum(len(v) for v in self.title_pids.values())

    def roles(self) -> list[list[str]]:
        """The titles grouped by role, most stated role first, each group's most stated title first:
        'Orange County District Attorney' and 'District Attorney' are one role, 'County Supervisor' another."""
        groups = role_groups(self.titles)
        if groups:  # for a much-named official, a wording seen once is more likely a misreading than a role
            top = sum(self.titles[t] for t in groups[0])
            groups = [g for g in groups if top < 20 or sum(self.titles[t] for t in g) >= 2]
        return groups

    def top_titles(self, n: int = 4) -> list[str]:
        """One title per role (most stated first), then the other wordings; 'age, of Town' last."""
        groups = self.roles()
        heads = [g[0] for g in groups]
        rest = sorted((t for g in groups for t in g[1:]), key=lambda t: -self.titles[t])
        out = [t for t in heads if not t[:1].isdigit()] + rest + [t for t in heads if t[:1].isdigit()]
        return out[:n]


_ROLE_MODIFIERS = frozenset("""deputy assistant senior chief acting special associate executive vice interim
head lead supervising principal first general""".split())
_ABBREVIATED = {"da": "district attorney", "dda": "deputy district attorney", "ada": "assistant district attorney",
                "sgt": "sergeant", "det": "detective", "lt": "lieutenant", "capt": "captain", "gov": "governor",
                "ausa": "assistant united states attorney", "us": "united states"}


def _role_words(title: str) -> list[str]:
    words = re.sub(r"\([^)]*\)", " ", title).replace("’s", " ").replace("'s", " ").split()
    words = [re.sub(r"^(?:then|former)-", "", w.casefold()).strip(".,:;") for w in words]
    words = [w for w in words if w and w not in ("then", "former", "the")]
    return " ".join(_ABBREVIATED.get(w, w) for w in words).split()


def same_role(a: str, b: str) -> bool:
    """'Orange County District Attorney' ~ 'District Attorney' ~ 'DA'; not ~ 'Deputy District Attorney'."""
    wa, wb = _role_words(a), _role_words(b)
    if len(wa) < len(wb):
        wa, wb = wb, wa
    if not wb or wa[len(wa) - len(wb):] != wb:
        return False
    return not any(w in _ROLE_MODIFIERS for w in wa[:len(wa) - len(wb)])


def role_groups(titles: dict[str, int]) -> list[list[str]]:
    """Group titles by `same_role`, most stated group (and title) first."""
    groups: list[list[str]] = []
    for t in sorted(titles, key=lambda t: -titles[t]):
        g = next((g for g in groups if any(same_role(t, x) for x in g)), None)
        if g is None:
            groups.append([t])
        elif t.casefold() not in {x.casefold() for x in g}:
            g.append(t)
    groups.sort(key=lambda g: -sum(titles[t] for t in g))
    for g in groups:  # the fullest wording in common use leads: 'San Diego County District Attorney', not 'DA'
        common = [t for t in g if titles[t] * 4 >= titles[g[0]]]
        lead = max(common, key=lambda t: (len(t.split()), titles[t]))
        g.remove(lead)
        g.insert(0, lead)
    return groups


@dataclass(slots=True)
class Quote:
    person: int
    pid: int
    start: int
    end: int


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
                official = any(w in t for t in p.titles for w in _OFFICIAL)
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
    people, quotes = _merge_surname_only(people, quotes)
    people, quotes = _merge_nicknames(people, quotes)
    people, quotes = _drop_phrases(people, quotes, _common_words(corpus))
    return EntityIndex(people, quotes)


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]{2,}")


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


def _common_words(corpus: Corpus, min_count: int = 3) -> frozenset[str]:
    """Words the corpus often writes in lowercase: 'lawsuit', 'statistics' (but never 'garrison')."""
    counts: Counter[str] = Counter()
    for text in corpus.paragraphs.texts:
        counts.update(_LOWER_WORD.findall(text))
    return frozenset(w for w, c in counts.items() if c >= min_count)


def _drop_phrases(people: list[Person], quotes: list[Quote], common: frozenset[str]
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


_OFFICIAL = ("Attorney", "Judge", "Justice", "Detective", "Officer", "Chief", "Sheriff", "Agent", "Commissioner",
             "Investigator", "Sergeant", "Director", "Mayor", "DA", "ADA", "DDA")


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
                    w in m.title for w in _OFFICIAL):
                subject = resolve(m.first, m.last)
                break
    if subject is None or subject not in by_key:
        return
    person = people[by_key[subject]]
    if any(any(w in t for w in _OFFICIAL) for t in person.titles):
        return  # an official is not the subject of a lede about a defendant
    for d in descs:
        person.add(person.titles, d)
        person.title_pids.setdefault(d, []).append(head[0])


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


def _merge_surname_only(people: list[Person], quotes: list[Quote]) -> tuple[list[Person], list[Quote]]:
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


def _official(p: Person) -> bool:
    return any(w in t.split() for t in p.titles for w in _OFFICIAL)


def _merge_nicknames(people: list[Person], quotes: list[Quote]) -> tuple[list[Person], list[Quote]]:
    """Fold 'Anthony J. Rackauckas' into 'Tony Rackauckas': same surname, interchangeable given names,
    and a shared official title. Two defendants called Mike and Michael Gonzalez stay apart."""
    by_last: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        if p.first and _official(p):
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
