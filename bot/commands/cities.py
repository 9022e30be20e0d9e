"""`cities TOPIC`: cities named in the releases about a topic, and those the text leaves out."""

from __future__ import annotations

import re

from bot.commands.cite import cite, sentence_at
from bot.commands.topic import TopicRelease, other_story_link, topic_releases
from bot.extract.places import Gazetteer
from bot.items import CityItem, Item
from bot.models import Answer, Citation
from bot.snapshot import Snapshot

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
    """The chosen releases' places from their tables (`Snapshot.places`, read at build time), less the
    links to other stories and, in the story, the office's own city police."""
    included: dict[str, tuple[int, int, int]] = {}
    excluded: dict[str, tuple[int, int, int]] = {}
    count_note: tuple[str, int, int, int] | None = None
    table = snap.corpus.paragraphs
    for tr in chosen:
        rel = snap.corpus.releases[tr.release_id]
        home = snap.home_cities.get(rel.source, frozenset())
        lo, hi = snap._ranges()[rel.id]
        for at, story, other, count in snap.places.get(rel.id, ()):
            pid = lo + at
            if other_story_link(snap, table.texts[pid], table.numbers[pid], hi - lo, rel.id):
                continue
            for name, start, end, is_excluded, agency in other if background else story:
                if agency and name in home and not background:
                    continue  # the office's own city police: every release names them
                target = excluded if is_excluded else included
                target.setdefault(name, (pid, start, end))
            if count_note is None and count:
                count_note = (count[0], pid, count[1], count[2])
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
