"""`quote NAME [about TOPIC]`: quotations the corpus attributes to a person, each cited; with a topic,
only those from the releases about it, best-matching first (bot.commands.quote_topic)."""

from __future__ import annotations

from bot.commands.cite import cite
from bot.commands.quote_topic import rank_by_topic, split_topic
from bot.items import QuoteItem, UnquotedPerson
from bot.models import Answer, Citation
from bot.people.person import Person, Quote
from bot.people.quotations import quote_text, telling_order
from bot.snapshot import Snapshot
from bot.wording import plural

MAX_QUOTES = 10
MANY_RELEASES = 3  # quoted in more releases than this: the answer says how to narrow it


def quote(snap: Snapshot, query: str, max_citations: int) -> Answer:
    name, topic = split_topic(query)
    if not name:
        return Answer("quote", query, False, f"Whose quotations about '{topic}'? Ask: quote NAME about {topic}",
                      error="usage")
    match = snap.entities.find(name)
    if not match.people:
        hint = f" Did you mean {match.suggestion}?" if match.suggestion else ""
        return Answer("quote", query, False, f"No release quotes anyone called '{name}'.{hint}",
                      suggestions=[match.suggestion] if match.suggestion else [])
    quoted = [p for p in match.people if snap.entities.quotes_by_person.get(p.id)]
    if not quoted:
        p = match.people[0]
        shown = snap.person_table.name_of(p)
        return Answer("quote", query, False, f"{shown} is mentioned but never quoted.", items=[UnquotedPerson(shown)])
    limit = max(max_citations, MAX_QUOTES)
    if topic:
        return _about(snap, query, quoted, topic, limit)
    person = quoted[0]
    owner = snap.corpus.paragraphs.release_ids
    quotes = snap.entities.quotes_by_person[person.id]
    # most recent first: the newest telling of each distinct quotation decides its place (grouped at build time)
    order = snap.quote_table.most_recent_first(person.id, quotes, owner, snap.corpus.releases)
    items, citations = _items(snap, person, order, limit)
    others = [snap.person_table.name_of(p) for p in quoted[1:4]]
    summary = f"{snap.person_table.name_of(person)} is quoted {plural(len(order), 'time')}" + (
        f"; also quoted under this name: {', '.join(others)}" if others else "")
    releases = {owner[q.pid] for q in quotes}
    if len(releases) > MANY_RELEASES:
        summary += (f", most recent first (in {plural(len(releases), 'release')}; add `about TOPIC`, `since:DATE` or "
                    f"`source:NAME` to narrow)")
    if match.fuzzy:
        summary = f"Closest match for '{name}'. " + summary
    return Answer("quote", query, True, summary, items=list(items), citations=citations)


def _about(snap: Snapshot, query: str, quoted: list[Person], topic: str, limit: int) -> Answer:
    """The first matching person (in `find` order) quoted in a release about `topic`, best quote first."""
    for person in quoted:
        ranked = rank_by_topic(snap, snap.entities.quotes_by_person[person.id], topic)
        if not ranked:
            continue
        groups = snap.quote_table.grouped(person.id, [q for _, q in ranked])  # in ranked order
        items, citations = _items(snap, person, groups, limit)
        releases = {c.release_id for c in citations}
        summary = (f"{snap.person_table.name_of(person)} is quoted {plural(len(groups), 'time')} in "
                   f"{plural(len(releases), 'release')} about '{topic}', best-matching first")
        return Answer("quote", query, True, summary, items=list(items), citations=citations)
    shown = snap.person_table.name_of(quoted[0])
    return Answer("quote", query, False, f"{shown} is quoted, but in no release about '{topic}'.")


def _items(snap: Snapshot, person: Person, groups: list[list[Quote]],
           limit: int) -> tuple[list[QuoteItem], list[Citation]]:
    """A cited item per group: its earliest English telling is cited, the other releases named."""
    items: list[QuoteItem] = []
    citations: list[Citation] = []
    owner, releases = snap.corpus.paragraphs.release_ids, snap.corpus.releases
    name = snap.person_table.name_of(person)
    for group in groups:
        q = min(group, key=lambda t: telling_order(t, owner, releases))
        text = quote_text(snap.corpus.paragraphs.texts, q)
        rid = owner[q.pid]
        also = sorted({owner[o.pid] for o in group} - {rid})
        citations.append(cite(snap, q.pid, text, also_in=also))
        items.append(QuoteItem(speaker=name, text=text, citation=len(citations) - 1))
        if len(items) >= limit:
            break
    return items, citations
