"""`cities TOPIC`: cities named in the releases about a topic, and those the text leaves out."""

from __future__ import annotations

import re

from bot.commands.cite import cite, sentence_at
from bot.commands.topic import TopicRelease, other_story_link, topic_releases
from bot.extract.places import Gazetteer, find_places
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
_CAPS_DATELINE = re.compile(r"^([A-Z][A-Z.'’ -]{1,30}[A-Z]),\s")  # 'SANTA ANA, Ca. (Feb. 18, 2022):'



def _places(snap: Snapshot, chosen: list[TopicRelease]) -> tuple[dict[str, Where], dict[str, Where],
                                                                  tuple[str, int, int, int] | None]:
    """Cities named as part of the story, cities said not to be, and the first 'seven cities' phrase.
    When the story names none, the places its releases do name (a dateline's city, the office's own
    police) are the answer rather than 'none named'."""
    included, excluded, count_note = _read_places(snap, chosen, background=False)
    if not included:
        included, excluded, _ = _read_places(snap, chosen, background=True)
        for tr in chosen if not included else []:
            _dateline_city(snap, tr.release_id, included)
    return included, excluded, count_note


def _dateline_city(snap: Snapshot, release_id: str, found: dict[str, Where]) -> None:
    """The city of a release's dateline ('SANTA ANA, Ca.' -> Santa Ana), cited where it is printed."""
    paras = snap.paragraphs_of(release_id)
    dateline = snap.corpus.releases[release_id].dateline or ""
    heads = [dateline.split(",")[0].strip()] + [m.group(1) for p in paras[:8] if (m := _CAPS_DATELINE.match(p.text))]
    for city in heads:
        name = " ".join(w.capitalize() for w in city.split())
        if not city or name not in Gazetteer.default().rows:
            continue
        for para in paras:
            at = para.text.find(city)
            if at >= 0:
                found.setdefault(name, (para.pid, at, at + len(city)))
                return


def _read_places(snap: Snapshot, chosen: list[TopicRelease], background: bool) -> tuple[
        dict[str, Where], dict[str, Where], tuple[str, int, int, int] | None]:
    included: dict[str, tuple[int, int, int]] = {}
    excluded: dict[str, tuple[int, int, int]] = {}
    count_note: tuple[str, int, int, int] | None = None
    for tr in chosen:
        rel = snap.corpus.releases[tr.release_id]
        states = snap.release_states(rel.id)
        home = snap.home_cities.get(rel.source, frozenset())
        paras = snap.paragraphs_of(rel.id)
        for para in paras:
            if other_story_link(snap, para.text, para.number, len(paras), rel.id):
                continue
            for m in find_places(para.text, states, snap.person_words, dateline=background):
                if m.agency and m.name in home and not background:
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
