"""What `who` reads about each person that no query changes, computed once per snapshot: the titles
grouped by role, the titles shown, the organisation, the display name, and every (paragraph, title)
piece of evidence ranked best first (bot.commands.who cites from that order)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from bot.models import Release
from bot.people.person import Person

_ORG = re.compile(
    r"\b(?:in|of|for|with) the ((?:[A-Z][\w’'.&-]*|of|the|for)(?: (?:[A-Z][\w’'.&-]*|of|the|for)){1,9})")
_ORG_WORDS = ("Office", "Department", "District", "Police", "County", "Bureau", "Division", "Agency", "Court",
              "Administration", "Service", "Unit", "Commission", "Patrol", "Task Force")


def is_headline(text: str, title: str) -> bool:
    """A paragraph that is the release's headline (or an all-caps heading): it repeats, it does not report."""
    return text.isupper() or (title in text and len(text) <= len(title) + 40)


def org_of(person: Person, texts: Sequence[str], groups: list[list[str]] | None = None) -> str | None:
    """The organisation the text ties to the person: 'in the Western District of Missouri' or a title's org.
    `groups`: the person's `roles()`, when already at hand."""
    for pids in person.title_pids.values():
        for pid in pids[:3]:
            text = texts[pid]
            for name in person.names:
                i = text.find(name)
                if i < 0:
                    continue
                m = _ORG.match(text[i + len(name):i + len(name) + 120].lstrip(", "))
                if m and any(w in m.group(1) for w in _ORG_WORDS):
                    return m.group(1).rstrip(" .,")
    for title in person.top_titles(3, groups):
        if any(w in title for w in _ORG_WORDS) and len(title.split()) > 2:
            return title
    return None


def evidence_rank(person: Person, title: str, text: str, number: int, rel: Release) -> tuple:
    """How well a paragraph (`text`, ¶`number` of `rel`) shows `title` for the person, best first: the full
    name written right next to the title ('Brooklyn District Attorney Eric Gonzalez', 'Kim Ogg, the District
    Attorney'), then the full name anywhere, then a surname; body text before headlines; an English release's
    opening paragraphs before later ones."""
    full = [n for n in person.names if len(n.split()) > 1 and n in text]
    beside = any(f"{title} {n}" in text or f"{n}, {title}" in text or f"{n}, the {title}" in text for n in full)
    return (not beside, not full, is_headline(text, rel.title), rel.listing or rel.language != "en", number > 3,
            rel.date or "9999")


@dataclass
class Facts:
    """One person's query-independent `who` facts."""

    roles: list[list[str]]
    top_titles: list[str]
    org: str | None


def facts(person: Person, texts: Sequence[str]) -> Facts:
    """The person's roles, the titles `who` shows and the organisation, computed now."""
    groups = person.roles()
    return Facts(groups, person.top_titles(4, groups), org_of(person, texts, groups))


def _key(names: dict[str, int], titles: dict[str, int], title_pids: dict[str, list[int]]) -> tuple:
    """Everything the table reads from a person (paragraph texts aside)."""
    return tuple(names.items()), tuple(titles.items()), tuple((t, tuple(ps)) for t, ps in title_pids.items())


class PersonTable:
    """Per person id: its display name, `Facts`, and its ranked evidence (CSR over person ids: the
    paragraph and title index, into `titles[id]`, of each (paragraph, title) pair, best first)."""

    ptr: np.ndarray
    pids: np.ndarray
    tidx: np.ndarray
    # each person's own tables (shared with the people index), to tell a person from a scoped copy that lost
    # some of its evidence, and an unchanged person of an incremental update
    title_pids: list[dict[str, list[int]]]
    titles: list[dict[str, int]]
    name_forms: list[dict[str, int]]

    def __init__(self, people: Sequence[Person] = (), texts: Sequence[str] = (), release_ids: Sequence[str] = (),
                 numbers: Sequence[int] = (), releases: Mapping[str, Release] | None = None,
                 before: PersonTable | None = None) -> None:
        """The table of `people`. `before`: the table of the snapshot an incremental update started from, whose
        paragraph ids are kept with their texts: a person it holds unchanged is copied, not read again."""
        releases = releases or {}
        old = {_key(*k): i for i, k in enumerate(zip(before.name_forms, before.titles, before.title_pids, strict=True))
               } if before is not None else {}
        self.names: list[str] = []
        self.facts: list[Facts] = []
        self.title_pids = [p.title_pids for p in people]
        self.titles = [p.titles for p in people]
        self.name_forms = [p.names for p in people]
        ptr, pids, tidx = [0], [], []
        for p in people:
            j = old.get(_key(p.names, p.titles, p.title_pids)) if old else None
            if before is not None and j is not None:
                lo, hi = int(before.ptr[j]), int(before.ptr[j + 1])
                self.names.append(before.names[j])
                self.facts.append(before.facts[j])
                pids += before.pids[lo:hi].tolist()
                tidx += before.tidx[lo:hi].tolist()
                ptr.append(len(pids))
                continue
            self.names.append(p.name)
            self.facts.append(facts(p, texts))
            keyed = []
            for n, (t, ps) in enumerate(p.title_pids.items()):
                for pid in dict.fromkeys(ps):
                    rel = releases[release_ids[pid]]
                    keyed.append((evidence_rank(p, t, texts[pid], numbers[pid], rel), pid, n))
            keyed.sort()
            pids += [k[1] for k in keyed]
            tidx += [k[2] for k in keyed]
            ptr.append(len(pids))
        self.ptr = np.asarray(ptr, dtype=np.int64)
        self.pids = np.asarray(pids, dtype=np.int32)
        self.tidx = np.asarray(tidx, dtype=np.int32)

    def name_of(self, person: Person) -> str:
        """The name to show for `person`: the one computed at build time, or for a copy named by fewer forms
        (a scope's: bot/commands/scoped_people.py) the fullest of its own."""
        return self.names[person.id] if self.all_names(person) else person.name

    def all_names(self, person: Person) -> bool:
        """`person` is named by every form the snapshot holds for it (not a scope's copy named by fewer)."""
        i = person.id
        return i < len(self.name_forms) and person.names == self.name_forms[i]

    def whole(self, person: Person) -> bool:
        """`person` as the snapshot holds it (not a copy restricted to fewer releases)."""
        i = person.id
        return i < len(self.names) and (person.title_pids is self.title_pids[i] or (
            person.title_pids == self.title_pids[i] and person.titles == self.titles[i]))

    def facts_of(self, person: Person, texts: Sequence[str]) -> Facts:
        """The person's roles, shown titles and organisation (computed afresh for a restricted copy)."""
        if self.whole(person):
            return self.facts[person.id]
        return facts(person, texts)

    def ranked(self, person: Person, groups: Sequence[Sequence[str]]) -> list[list[tuple[int, str]]]:
        """Per group of titles: the person's (paragraph, title) evidence for those titles, best first
        (for a restricted copy, only the pairs its `title_pids` still hold)."""
        i = person.id
        lo, hi = int(self.ptr[i]), int(self.ptr[i + 1])
        pids, tidx = self.pids[lo:hi], self.tidx[lo:hi]
        names = list(self.title_pids[i])
        index = {t: n for n, t in enumerate(names)}
        if not self.whole(person):
            keys = pids.astype(np.int64) | (tidx.astype(np.int64) << 32)
            held = [pid | (index[t] << 32) for t, ps in person.title_pids.items() if t in index for pid in ps]
            keep = np.isin(keys, np.asarray(held, dtype=np.int64))
            pids, tidx = pids[keep], tidx[keep]
        out = []
        for group in groups:
            sel = np.isin(tidx, np.asarray([index[t] for t in group if t in index], dtype=np.int32))
            out.append([(pid, names[n]) for pid, n in zip(pids[sel].tolist(), tidx[sel].tolist(), strict=True)])
        return out
