"""`quote NAME`: quotations the corpus attributes to a person, each cited."""

from __future__ import annotations

from bot.answers.cite import cite
from bot.models import Answer
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
                      items=[{"name": p.name, "quotes": []}])
    person = quoted[0]
    quotes = snap.entities.quotes_by_person[person.id]
    # English originals first, one representative per distinct quotation, in corpus order
    seen: set[str] = set()
    items, citations = [], []
    for q in quotes:
        para = snap.corpus.paragraphs[q.pid]
        text = para.text[q.start:q.end].strip()
        key = " ".join(text.casefold().split())[:80]
        if key in seen:
            continue
        seen.add(key)
        if len(citations) < max(max_citations, MAX_QUOTES):
            citations.append(cite(snap, q.pid, text))
            items.append({"speaker": person.name, "text": text, "citation": len(citations) - 1})
        if len(items) >= MAX_QUOTES:
            break
    others = [p.name for p in quoted[1:4]]
    summary = f"{person.name} is quoted {len(seen)} time(s)" + (
        f"; also quoted under this name: {', '.join(others)}" if others else "")
    if match.fuzzy:
        summary = f"Closest match for '{query}'. " + summary
    return Answer("quote", query, True, summary, items=items, citations=citations)
