"""`cities TOPIC`: cities named in the releases about a topic, and those the text leaves out."""

from __future__ import annotations

import re

from bot.commands.cite import cite, sentence_at
from bot.commands.topic import TopicRelease, topic_releases
from bot.extract.places import find_places
from bot.items import CityItem, Item
from bot.models import Answer, Citation
from bot.snapshot import Snapshot

_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(?:of\s+)?"
                    r"(?:[\w’'-]+\s+){0,4}?(?:cities|towns)\b", re.IGNORECASE)


def _counts_cities(phrase: str) -> bool:
    """'14 participating cities', 'seven other cities' — not '130 officers patrolled the cities'."""
    middle = phrase.split()[1:-1]
    return not any(w.endswith("ed") or w.lower() in ("the", "officers", "agents", "people", "in") for w in middle)


Where = tuple[int, int, int]  # paragraph id, start, end


def _headlines(snap: Snapshot) -> dict[str, str]:
    """Release titles of six words or more (whitespace-collapsed, casefolded) -> release id; once per snapshot."""
    got = snap.__dict__.get("_headline_titles")
    if got is None:
        got = {}
        for rid, rel in snap.corpus.releases.items():
            key = " ".join(rel.title.split()).casefold()
            if len(key.split()) >= 6:
                got.setdefault(key, rid)
        snap.__dict__["_headline_titles"] = got
    return got


def _other_story_link(snap: Snapshot, text: str, number: int, count: int, release_id: str) -> bool:
    """A paragraph in the second half of a release that is another release's headline word for word: a
    'related news' link (San Diego, Orange County pages), whose places are that story's, not this one's."""
    if number <= count // 2:
        return False
    rid = _headlines(snap).get(" ".join(text.split()).casefold())
    return rid is not None and rid != release_id and snap.corpus.releases[rid].title != snap.corpus.releases[
        release_id].title


def _places(snap: Snapshot, chosen: list[TopicRelease]) -> tuple[dict[str, Where], dict[str, Where],
                                                                  tuple[str, int, int, int] | None]:
    """Cities named as part of the story, cities said not to be, and the first 'seven cities' phrase."""
    included: dict[str, tuple[int, int, int]] = {}
    excluded: dict[str, tuple[int, int, int]] = {}
    count_note: tuple[str, int, int, int] | None = None
    for tr in chosen:
        rel = snap.corpus.releases[tr.release_id]
        states = snap.release_states(rel.id)
        home = snap.home_cities.get(rel.source, frozenset())
        paras = snap.paragraphs_of(rel.id)
        for para in paras:
            if _other_story_link(snap, para.text, para.number, len(paras), rel.id):
                continue
            for m in find_places(para.text, states, snap.person_words):
                if m.agency and m.name in home:
                    continue  # the office's own city police: every release names them
                target = excluded if m.excluded else included
                target.setdefault(m.name, (para.pid, m.start, m.end))
            if count_note is None:
                cm = next((c for c in _COUNT.finditer(para.text) if _counts_cities(c.group(0))), None)
                if cm:
                    count_note = (cm.group(0), para.pid, cm.start(), cm.end())
    for name in excluded:
        included.pop(name, None)
    return included, excluded, count_note


def cities(snap: Snapshot, topic: str, max_citations: int, min_relative: float) -> Answer:
    chosen = topic_releases(snap, topic, min_relative=min_relative)
    if not chosen:
        return Answer("cities", topic, False, f"No release is about '{topic}'.")
    included, excluded, count_note = _places(snap, chosen)
    items: list[CityItem] = []
    citations: list[Citation] = []

    def add(name: str, where: tuple[int, int, int], status: str) -> None:
        pid, a, b = where
        text = snap.corpus.paragraphs[pid].text
        idx = None
        snippet = sentence_at(text, a, b)
        existing = next((i for i, c in enumerate(citations) if c.text == snippet), None)
        if existing is not None:
            citations[existing].highlights.append(name)
            idx = existing
        elif len(citations) < max_citations:
            citations.append(cite(snap, pid, snippet, highlights=[name]))
            idx = len(citations) - 1
        items.append(CityItem(city=name, status=status, citation=idx))

    for name, where in excluded.items():
        add(name, where, "excluded")
    for name, where in included.items():
        add(name, where, "included")
    items.sort(key=lambda i: i.status != "included")
    inc = [i.city for i in items if i.status == "included"]
    exc = [i.city for i in items if i.status == "excluded"]
    summary = f"Cities in the release(s) about '{topic}': " + (", ".join(inc) if inc else "none named")
    if exc:
        summary += f". Not included: {', '.join(exc)}"
    if count_note:
        phrase, pid, a, b = count_note
        summary += f". The release speaks of “{phrase}”"
        snippet = sentence_at(snap.corpus.paragraphs[pid].text, a, b)
        if not any(c.text == snippet for c in citations):
            citations.append(cite(snap, pid, snippet, highlights=[phrase]))
    summary += "."
    shown: list[Item] = list(items)
    return Answer("cities", topic, True, summary, items=shown, citations=citations,
                  releases=[t.release_id for t in chosen])
