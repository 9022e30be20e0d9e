"""`who NAME`: the people a name refers to, their titles as written, and where the corpus says so."""

from __future__ import annotations

import re

from bot.commands.cite import cite, sentence_at
from bot.items import Item, PersonItem
from bot.models import Answer, Citation
from bot.people.person import Person
from bot.snapshot import Snapshot
from bot.wording import plural

MAX_PEOPLE = 4  # namesakes summarised in full; the rest of a page is listed by name
PAGE = 8  # namesakes shown (with their citations) per answer; past it, "+N more"


def person_item(person: Person, snap: Snapshot) -> PersonItem:
    table = snap.person_table
    facts = table.facts_of(person, snap.corpus.paragraphs.texts)
    return PersonItem(name=table.name_of(person), titles=facts.top_titles, org=facts.org,
                      evidence=person.evidence, releases=len(person.releases))


def person_citations(person: Person, snap: Snapshot, limit: int) -> list[Citation]:
    """The best evidence for each role (most stated first), then the next best; one citation per release.
    The evidence is ranked at build time (bot.people.citations.PersonTable)."""
    out: list[Citation] = []
    seen_releases: set[str] = set()
    table = snap.person_table
    title_at: dict[int, str] = {}  # the title a cited paragraph is chosen for
    ranked = table.ranked(person, table.facts_of(person, snap.corpus.paragraphs.texts).roles[:limit + 2])
    for cands in ranked:
        for pid, t in cands:
            title_at.setdefault(pid, t)
    pids = [r[0][0] for r in ranked if r]
    pids += [pid for r in ranked for pid, _t in r[1:]]
    pids += person.mention_pids
    for pid in pids:
        para = snap.corpus.paragraphs[pid]
        if para.release_id in seen_releases:
            continue
        name, i = _name_by_title(person, para.text, title_at.get(pid))
        out.append(cite(snap, pid, sentence_at(para.text, i, i + len(name)), highlights=[name],
                        also_in=snap.same_text_releases(pid)))
        seen_releases.add(para.release_id)
        if len(out) >= limit:
            break
    return out


def _name_by_title(person: Person, text: str, title: str | None) -> tuple[str, int]:
    """The form of the person's name to cite in `text` and where: the occurrence nearest the title the
    paragraph was chosen for, so the cited sentence states the title ('Contact: NAME', 'NAME, the widow of')."""
    forms = [n for n in sorted(person.names, key=len, reverse=True) if n in text] or [person.last]
    name, i = forms[0], max(text.find(forms[0]), 0)
    at = text.find(title) if title else -1
    if at >= 0:
        occurrences = [(abs(m.start() - at), m.start(), n) for n in dict.fromkeys([*forms, person.last])
                       for m in re.finditer(rf"\b{re.escape(n)}\b", text)]
        if occurrences:
            _d, i, name = min(occurrences)
    return name, i


def _shares(people: list[Person], total: int) -> list[int]:
    """Citations per person, dealt in turns (best evidenced first); a namesake named in one release
    takes one and leaves the rest to the others."""
    caps = [min(len(p.releases), total) for p in people]
    shares = [0] * len(people)
    while sum(shares) < total and any(s < c for s, c in zip(shares, caps, strict=True)):
        for i in range(len(people)):
            if shares[i] < caps[i] and sum(shares) < total:
                shares[i] += 1
    return [max(1, s) for s in shares]


def who(snap: Snapshot, query: str, max_citations: int) -> Answer:
    match = snap.entities.find(query)
    people = [p for p in match.people if p.titles] + [p for p in match.people if not p.titles]
    if not people:
        hint = f" Did you mean {match.suggestion}?" if match.suggestion else ""
        return Answer("who", query, False, f"No release names a person called '{query}'.{hint}",
                      suggestions=[match.suggestion] if match.suggestion else [])
    close = {p.id for p in match.close}
    people += match.close
    more = len(people) - PAGE
    people = people[:PAGE]
    items = [person_item(p, snap) for p in people]
    for p, item in zip(people, items, strict=True):
        item.match = "close spelling" if p.id in close else ""
    citations: list[Citation] = []
    for p, item, share in zip(people, items, _shares(people, max_citations), strict=True):
        cs = person_citations(p, snap, share)
        item.citations = list(range(len(citations), len(citations) + len(cs)))
        citations.extend(cs)

    lead = f"Closest match for '{query}'. " if match.fuzzy else ""
    # one line on top; each person's name, title and releases are their own item below it
    close_n = sum(1 for i in items if i.match)
    exact_n = len(items) - close_n
    summary = lead + (f"{plural(exact_n, 'person', 'people')} named '{query}'" if exact_n else f"'{query}'")
    if close_n:
        summary += f", and {plural(close_n, 'close spelling')}"
    summary += (f" (+{more} more not shown)" if more > 0 else "") + ":"
    shown: list[Item] = list(items)
    return Answer("who", query, True, summary, items=shown, citations=citations)
