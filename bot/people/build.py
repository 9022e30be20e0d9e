"""Building the people index: read each release (bot.extract.release), resolve what it names to Person
records, then fold records of one person together.

People are told apart by first name + surname; a surname-only mention ("DA Stephan", "said Barr")
is linked to the one person of that surname named in the same release, else kept apart per source.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz import fuzz

from bot.extract.lexicon import SUFFIXES, WEAK_TITLES
from bot.extract.mentions import Mention
from bot.extract.release import ReleaseFindings, read_release
from bot.extract.titles import clean_title
from bot.extract.tokens import INITIAL, name_key
from bot.ingest.corpus import Corpus
from bot.parallel import pmap_iter
from bot.people.index import EntityIndex
from bot.people.merge import (
    common_words,
    drop_phrases,
    frequent_words,
    merge_headline_words,
    merge_nicknames,
    merge_surname_only,
    split_by_office,
    split_case_roles,
)
from bot.people.person import Person, Quote

# The per-release budget of the extraction. Its cost is linear in the text read (about 2 ms per 1,500
# characters at worst, measured on name-dense and quote-dense text), so the text is bounded first: the
# first MAX_EXTRACT_PARAGRAPHS paragraphs (the largest dev page has 1,912), each read up to
# MAX_EXTRACT_PARAGRAPH_CHARS (a prefix: quotation offsets stay valid), at most MAX_EXTRACT_CHARS in all
# (which bounds the findings' memory: about 35 bytes per character at worst). A release whose reading
# still takes longer than EXTRACT_BUDGET_S (checked between paragraphs) loses its people and quotes,
# named in the load report, and the build goes on; its text stays searchable.
MAX_EXTRACT_PARAGRAPHS = 2500
MAX_EXTRACT_PARAGRAPH_CHARS = 5_000
MAX_EXTRACT_CHARS = 2_000_000
EXTRACT_BUDGET_S = 20.0

Key = tuple[str, str, str]  # (first name key, surname key, source when surname-only)
# Honorifics by the sex they state: 'Mrs. Thompson' is the Thompson the release calls 'Mrs. Lu-Shawn Thompson'.
_HONORIFIC_SEX = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f", "Miss": "f"}


_CHUNK = 48  # releases per worker task
_MIN_PARALLEL = 400  # fewer releases are read in this process (a pool costs about a second to start)
_Job = tuple[str, str, list[tuple[int, str]], float]  # (headline, source, [(pid, text)], seconds allowed)
# One release's findings resolved to people keys (`release_ops`), in the order they are registered:
# ("m", key, first, last, full name or None, pid, title) a mention; ("s", key, descriptors, pid) the lede's
# subject; ("q", key, first, last, title, pid, start, end) a quotation; ("c", key, pid, start, end) a
# quotation continuing the speaker before; ("p", key, ((pid, start, end), ...)) a profile's answers.
Op = tuple
ReleaseOps = list[Op]


class _OverBudget(Exception):
    """A release's reading went past its time budget."""


class _Timed(list):
    """One release's (pid, text) paragraphs as read_release takes them; every pass over them checks the
    clock before each paragraph and stops the reading past the deadline. A paragraph's own cost is
    bounded by its capped length, so the reading stops within about one paragraph of the deadline."""

    def __init__(self, paragraphs: list[tuple[int, str]], seconds: float) -> None:
        super().__init__(paragraphs)
        self.deadline = time.monotonic() + seconds

    def __iter__(self) -> Iterator[tuple[int, str]]:
        for item in super().__iter__():
            if time.monotonic() > self.deadline:
                raise _OverBudget
            yield item


def _read_releases(jobs: list[_Job]) -> list[ReleaseOps | None]:
    """read_release, resolved to people keys, over a chunk of releases, each within its time budget (None:
    past it). A worker task: module-level and picklable, the budget travelling with the job (a worker has
    its own module state)."""
    out: list[ReleaseOps | None] = []
    for title, source, paragraphs, seconds in jobs:
        try:
            out.append(release_ops(read_release(title, _Timed(paragraphs, seconds)), source))
        except _OverBudget:
            out.append(None)
    return out


def extraction_job(corpus: Corpus, rid: str, pids: list[int]) -> _Job | None:
    """What reading one release for people needs, its text cut to the budget (each cut noted in the load
    report); None for a release not in English."""
    rel = corpus.releases[rid]
    if rel.language != "en":
        return None
    if len(pids) > MAX_EXTRACT_PARAGRAPHS:  # a pathological file must not stall the build
        corpus.report.problems.append((rel.path, f"{len(pids)} paragraphs: people and quotes were read from "
                                                 f"the first {MAX_EXTRACT_PARAGRAPHS} only"))
        pids = pids[:MAX_EXTRACT_PARAGRAPHS]
    texts = corpus.paragraphs.texts
    paragraphs: list[tuple[int, str]] = []
    total = 0
    for pid in pids:
        text = texts[pid][:MAX_EXTRACT_PARAGRAPH_CHARS]
        if total + len(text) > MAX_EXTRACT_CHARS:
            corpus.report.problems.append((rel.path, f"over {MAX_EXTRACT_CHARS:,} characters: people and quotes "
                                                     f"were read from the first {len(paragraphs)} paragraphs only"))
            break
        total += len(text)
        paragraphs.append((pid, text))
    return rel.title, rel.source, paragraphs, EXTRACT_BUDGET_S


def read_people(corpus: Corpus, by_release: dict[str, list[int]], workers: int = 1) -> dict[str, ReleaseOps]:
    """Each release's findings (release id -> its paragraph ids) resolved to people keys, on `workers`
    processes; English releases only, each within its budget (see EXTRACT_BUDGET_S: a release past it has
    no findings, named in the load report)."""
    order: list[str] = []
    jobs: list[_Job] = []
    for rid, pids in by_release.items():
        job = extraction_job(corpus, rid, pids)
        if job is not None:
            order.append(rid)
            jobs.append(job)
    out: dict[str, ReleaseOps] = {}
    for rid, found in zip(order, pmap_iter(_read_releases, jobs, workers, _CHUNK, _MIN_PARALLEL), strict=True):
        if found is None:
            corpus.report.skipped.append((corpus.releases[rid].path, f"people and quotes not read: reading them "
                                          f"took over {EXTRACT_BUDGET_S:g} s (the per-file extraction budget); "
                                          f"its text is still searchable"))
            continue
        out[rid] = found
    return out


def build_entities(corpus: Corpus, workers: int = 1, ops: dict[str, ReleaseOps] | None = None,
                   words: Counter[str] | None = None) -> EntityIndex:
    """Extract people and quotations from every English release of the corpus. Each release is read on
    its own (on `workers` processes), within its budget (see EXTRACT_BUDGET_S); the findings are then
    registered in release order, here, so the result is the same for any number of workers. `ops`, when
    given, receives each release's findings (what an incremental update registers again without reading
    the releases); `words`: the corpus's `lower_word_counts`, when already counted."""
    by_release: dict[str, list[int]] = defaultdict(list)
    for pid, rid in enumerate(corpus.paragraphs.release_ids):
        by_release[rid].append(pid)
    found = read_people(corpus, by_release, workers)
    if ops is not None:
        ops.update(found)
    return people_from_ops(((rid, corpus.releases[rid].source, found[rid]) for rid in corpus.releases
                            if rid in found), common_words(corpus) if words is None else frequent_words(words),
                            corpus.paragraphs.release_ids, corpus.paragraphs.texts)


def people_from_ops(releases: Iterable[tuple[str, str, ReleaseOps]], common: frozenset[str],
                    release_of: Sequence[str], texts: Sequence[str]) -> EntityIndex:
    """The people index from each release's resolved findings, registered in the order given, then merged
    (surname-only mentions, nicknames, headline words), cleaned of headline phrases (`common`: lowercase
    words) and an official's case roles split off (`release_of`/`texts`: each paragraph's release and text)."""
    registry = _Registry()
    source_of: dict[str, str] = {}
    for rid, source, ops in releases:
        registry.apply(rid, source, ops)
        source_of[rid] = source
    people, quotes = registry.people, registry.quotes
    for person in people:
        if not person.names:
            person.add(person.names, (person.first + " " + person.last).strip())
    people, quotes = merge_surname_only(people, quotes)
    people, quotes = merge_nicknames(people, quotes)
    people, quotes = drop_phrases(people, quotes, common)  # first: 'Report Issues' is no one's name
    people, quotes = merge_headline_words(people, quotes, common)
    people, quotes = split_case_roles(people, quotes, release_of, texts)
    people, quotes = split_by_office(people, quotes, release_of, source_of)
    return EntityIndex(people, quotes)


def release_ops(found: ReleaseFindings, source: str) -> ReleaseOps:
    """One release's findings with every name resolved (the Resolver sees this release only), in the order
    `_Registry.apply` records them: mentions, the lede subject, quotations, a profile's answers."""
    resolve = Resolver(found.mentions, source)
    ops: ReleaseOps = []
    for pid, m in found.mentions:
        key = resolve(m.first, m.last, full=m.full)
        if m.free and not m.first and not key[0]:
            continue  # a surname's appositive where the release never names them in full: may not be a person
        title = clean_title(m.title, m.free)
        ops.append(("m", key, m.first if key[0] else "", m.last, m.full if m.first and key[0] else None, pid,
                    title if title and title.lower() not in WEAK_TITLES else ""))
    if found.subject is not None:
        s = found.subject
        ops.append(("s", resolve(s.first, s.last, full=s.full), tuple(found.descriptors), found.lede_pid))
    for q in found.quotes:
        first, last, title = q.speaker
        key = resolve(first, last, title)
        if q.stated:
            ops.append(("q", key, first if key[0] else "", last, clean_title(title), q.pid, q.start, q.end))
        else:  # continues the previous paragraph's speaker, already recorded
            ops.append(("c", key, q.pid, q.start, q.end))
    if found.profile_subject is not None:
        s = found.profile_subject
        ops.append(("p", resolve(s.first, s.last, full=s.full), tuple(found.unattributed)))
    return ops


class Resolver:
    """Who a name of one release refers to: a full name is itself; a surname alone is the full name of
    that surname the release uses most (with an honorific, the one it writes with an honorific of the same
    sex, if any), else a surname-only person of the source."""

    def __init__(self, mentions: list[tuple[int, Mention]], source: str) -> None:
        self.source = source
        self.full_by_last: dict[str, Counter[Key]] = defaultdict(Counter)
        # 'Ms. Trujillo Puckett' after 'Lili Trujillo Puckett': the two words are her two-part surname
        self.compound: dict[tuple[str, str], Key] = {}
        # 'Felipe Avila Sr. and Felipe Avila Jr': a suffix tells two people apart; a plain 'Felipe Avila' is
        # the one suffixed person of that name in the release, if only one
        self.suffixes: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.by_honorific: dict[tuple[str, str], Counter[Key]] = defaultdict(Counter)
        for _pid, m in mentions:
            if m.first and name_suffix(m.full):
                self.suffixes[(name_key(m.first), name_key(m.last))].add(name_suffix(m.full))
        for _pid, m in mentions:
            if m.first:
                key = self._suffixed((name_key(m.first), name_key(m.last), ""), m.full)
                self.full_by_last[key[1]][key] += 1
                sex = _HONORIFIC_SEX.get(m.title.strip())
                if sex:
                    self.by_honorific[(sex, key[1])][key] += 1
                core = [w for w in m.full.split() if w not in SUFFIXES and not INITIAL.match(w)]
                if len(core) == 3 and name_key(core[1]) != key[0]:
                    self.compound.setdefault((name_key(core[1]), key[1]), key)

    def _suffixed(self, key: Key, full: str) -> Key:
        sfx = name_suffix(full)
        if not sfx:
            known = self.suffixes.get((key[0], key[1]))
            sfx = next(iter(known)) if known and len(known) == 1 else ""
        return (key[0], key[1], sfx) if sfx else key

    def __call__(self, first: str, last: str, title: str = "", full: str = "") -> Key:
        lk = name_key(last)
        if first:
            fk = name_key(first)
            key = self.compound.get((fk, lk))
            if key is None and len(fk) >= 4:  # 'Ms. Gaona Villegas' after 'Karen Goana Villegas': a misspelt part
                key = next((k for (mid, last), k in self.compound.items()
                            if last == lk and fuzz.ratio(fk, mid) >= 80), None)
            return key or self._suffixed((fk, lk, ""), full)
        sex = _HONORIFIC_SEX.get(title.strip())
        named = self.by_honorific.get((sex, lk)) if sex else None
        if named:
            return named.most_common(1)[0][0]  # 'Mrs. Thompson': 'Mrs. Lu-Shawn Thompson', not 'Ken Thompson'
        fulls = self.full_by_last.get(lk)
        if fulls:
            return fulls.most_common(1)[0][0]
        return ("", lk, self.source)


def name_suffix(full: str) -> str:
    """'jr' of 'John Cotton Jr.', '' when the name has no suffix."""
    return next((name_key(w) for w in full.replace(",", " ").split() if w in SUFFIXES), "")


class _Registry:
    """The people and quotations found so far, by resolved key."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_key: dict[Key, int] = {}
        self.quotes: list[Quote] = []

    def person_for(self, key: Key, first: str, last: str, source: str) -> Person:
        pid = self.by_key.get(key)
        if pid is None:
            pid = self.by_key[key] = len(self.people)
            self.people.append(Person(pid, first, last, source))
        return self.people[pid]

    def add_release(self, rid: str, source: str, found: ReleaseFindings) -> None:
        """Record one release's findings (see `release_ops`)."""
        self.apply(rid, source, release_ops(found, source))

    def apply(self, rid: str, source: str, ops: ReleaseOps) -> None:
        """Record one release's resolved findings in order: mentions, then its subject description, then
        its quotations (a lede subject is judged by the titles recorded so far), then a profile's answers."""
        for op in ops:
            kind = op[0]
            if kind == "m":
                self._add_mention(rid, source, op)
            elif kind == "s":
                self._describe_subject(op[1], op[2], op[3])
            elif kind == "q":
                self._add_quote(rid, source, op)
            elif kind == "c":
                self.quotes.append(Quote(self.by_key[op[1]], op[2], op[3], op[4]))
            elif op[1] in self.by_key:
                # a profile or interview ("Meet Deputy District Attorney Jack Yeh"): its answers are the subject's
                self.quotes.extend(Quote(self.by_key[op[1]], pid, a, b) for pid, a, b in op[2])

    def _add_mention(self, rid: str, source: str, op: Op) -> None:
        _, key, first, last, full, pid, title = op
        at = self.by_key.get(key)  # person_for, inlined: the hottest call of a (re-)registration
        person = self.people[at] if at is not None else self.person_for(key, first, last, source)
        names = person.names
        if full is not None:
            names[full] = names.get(full, 0) + 1
        elif not names:
            names[last] = 1
        person.mention_pids.append(pid)
        person.releases.add(rid)
        if title:
            person.add_title(title, pid)

    def _add_quote(self, rid: str, source: str, op: Op) -> None:
        _, key, first, last, title, pid, start, end = op
        person = self.person_for(key, first, last, source)
        person.releases.add(rid)
        if pid not in person.mention_pids:
            person.mention_pids.append(pid)
        if title and pid not in person.title_pids.get(title, ()):
            person.add_title(title, pid)
        self.quotes.append(Quote(person.id, pid, start, end))

    def _describe_subject(self, subject: Key, descriptors: tuple[str, ...], lede_pid: int) -> None:
        """Give the release's main subject the description its headline and lede use for them.

        News ledes describe before they name ("a Staten Island salesman has been convicted ... The District
        Attorney identified the defendant as Salvatore Perrone, 67"); see bot.extract.lede.lede_subject."""
        if subject not in self.by_key:
            return
        person = self.people[self.by_key[subject]]
        if person.is_official():
            return  # an official is not the subject of a lede about a defendant
        for d in descriptors:
            person.add_title(d, lede_pid)
