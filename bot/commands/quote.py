"""`quote NAME [about TOPIC]`: quotations the corpus attributes to a person, each cited; with a topic,
only those from the releases about it, best-matching first (bot.commands.quote_topic)."""

from __future__ import annotations

from bot.commands.cite import cite
from bot.commands.quote_topic import rank_by_topic, split_topic
from bot.items import QuoteItem, UnquotedPerson
from bot.models import Answer, Citation
from bot.people.person import Person, Quote
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
        return Answer("quote", query, False, f"{p.name} is mentioned but never quoted.",
                      items=[UnquotedPerson(p.name)])
    limit = max(max_citations, MAX_QUOTES)
    if topic:
        return _about(snap, query, quoted, topic, limit)
    person = quoted[0]
    groups = _groups(snap, snap.entities.quotes_by_person[person.id])
    # most recent first: the newest telling of each distinct quotation decides its place
    order = sorted(groups.values(), key=lambda g: _newest(snap, g), reverse=True)
    items, citations = _items(snap, person, order, limit)
    others = [p.name for p in quoted[1:4]]
    summary = f"{person.name} is quoted {plural(len(groups), 'time')}" + (
        f"; also quoted under this name: {', '.join(others)}" if others else "")
    owner = snap.corpus.paragraphs.release_ids
    releases = {owner[q.pid] for q in snap.entities.quotes_by_person[person.id]}
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
        groups = _groups(snap, [q for _, q in ranked])  # ranked order is kept: dicts keep insertion order
        items, citations = _items(snap, person, list(groups.values()), limit)
        releases = {c.release_id for c in citations}
        summary = (f"{person.name} is quoted {plural(len(groups), 'time')} in {plural(len(releases), 'release')} about "
                   f"'{topic}', best-matching first")
        return Answer("quote", query, True, summary, items=list(items), citations=citations)
    person = quoted[0]
    return Answer("quote", query, False, f"{person.name} is quoted, but in no release about '{topic}'.")


def _groups(snap: Snapshot, quotes: list[Quote]) -> dict[str, list[tuple[Quote, str]]]:
    """One entry per distinct quotation (its first 80 characters, normalised), in the order given."""
    groups: dict[str, list[tuple[Quote, str]]] = {}
    texts = snap.corpus.paragraphs.texts  # the columns: no Paragraph object per quotation
    for q in quotes:
        text = texts[q.pid][q.start:q.end].strip()
        groups.setdefault(" ".join(text.casefold().split())[:80], []).append((q, text))
    return groups


def _when(snap: Snapshot, entry: tuple[Quote, str]) -> tuple:
    rel = snap.corpus.releases[snap.corpus.paragraphs.release_ids[entry[0].pid]]
    return rel.language != "en", rel.date or "9999", entry[0].pid


def _newest(snap: Snapshot, group: list[tuple[Quote, str]]) -> tuple:
    """Sort key (descending): the latest date the quotation was printed, then its first paragraph."""
    owner, releases = snap.corpus.paragraphs.release_ids, snap.corpus.releases
    latest = max((releases[owner[q.pid]].date or "" for q, _ in group), default="")
    return latest, -min(q.pid for q, _ in group)


def _items(snap: Snapshot, person: Person, groups: list[list[tuple[Quote, str]]],
           limit: int) -> tuple[list[QuoteItem], list[Citation]]:
    """A cited item per group: its earliest English telling is cited, the other releases named."""
    items: list[QuoteItem] = []
    citations: list[Citation] = []
    for group in groups:
        q, text = min(group, key=lambda e: _when(snap, e))
        owner = snap.corpus.paragraphs.release_ids
        rid = owner[q.pid]
        also = sorted({owner[o.pid] for o, _ in group} - {rid})
        citations.append(cite(snap, q.pid, text, also_in=also))
        items.append(QuoteItem(speaker=person.name, text=text, citation=len(citations) - 1))
        if len(items) >= limit:
            break
    return items, citations
