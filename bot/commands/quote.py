"""`quote NAME`: quotations the corpus attributes to a person, each cited."""

from __future__ import annotations

from bot.commands.cite import cite
from bot.items import QuoteItem, UnquotedPerson
from bot.models import Answer, Citation
from bot.snapshot import Snapshot

MAX_QUOTES = 10


def quote(snap: Snapshot, query: str, max_citations: int) -> Answer:
    match = snap.entities.find(query)
    if not match.people:
        hint = f" Did you mean {match.suggestion}?" if match.suggestion else ""
        return Answer("quote", query, False, f"No release quotes anyone called '{query}'.{hint}",
                      suggestions=[match.suggestion] if match.suggestion else [])
    quoted = [p for p in match.people if snap.entities.quotes_by_person.get(p.id)]
    if not quoted:
        p = match.people[0]
        return Answer("quote", query, False, f"{p.name} is mentioned but never quoted.",
                      items=[UnquotedPerson(p.name)])
    person = quoted[0]
    # one entry per distinct quotation: its earliest English telling is cited, the other releases named
    groups: dict[str, list] = {}
    for q in snap.entities.quotes_by_person[person.id]:
        text = snap.corpus.paragraphs[q.pid].text[q.start:q.end].strip()
        groups.setdefault(" ".join(text.casefold().split())[:80], []).append((q, text))

    def when(entry: tuple) -> tuple:
        rel = snap.corpus.release_of(entry[0].pid)
        return rel.language != "en", rel.date or "9999", entry[0].pid

    items: list[QuoteItem] = []
    citations: list[Citation] = []
    for group in sorted(groups.values(), key=lambda g: when(min(g, key=when))):
        q, text = min(group, key=when)
        rid = snap.corpus.paragraphs[q.pid].release_id
        also = sorted({snap.corpus.paragraphs[o.pid].release_id for o, _ in group} - {rid})
        citations.append(cite(snap, q.pid, text, also_in=also))
        items.append(QuoteItem(speaker=person.name, text=text, citation=len(citations) - 1))
        if len(items) >= max(max_citations, MAX_QUOTES):
            break
    others = [p.name for p in quoted[1:4]]
    summary = f"{person.name} is quoted {len(groups)} time(s)" + (
        f"; also quoted under this name: {', '.join(others)}" if others else "")
    if match.fuzzy:
        summary = f"Closest match for '{query}'. " + summary
    return Answer("quote", query, True, summary, items=list(items), citations=citations)
