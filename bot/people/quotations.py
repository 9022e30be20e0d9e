"""Each quoted person's distinct quotations, computed once per snapshot: a quotation printed in several
releases (or twice in one) is one group of tellings, and the groups are kept most recent first, the
order `quote NAME` answers in (bot.commands.quote)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.models import Release
from bot.people.person import Quote

_Key = tuple[int, int, int]  # a quotation's paragraph, start, end


def quote_text(texts: Sequence[str], q: Quote) -> str:
    """The quotation as printed (verbatim, stripped)."""
    return texts[q.pid][q.start:q.end].strip()


def telling_order(q: Quote, release_ids: Sequence[str], releases: Mapping[str, Release]) -> tuple:
    """Sort key of a telling, first = cited: English before translations, then the earliest date, then
    the first paragraph."""
    rel = releases[release_ids[q.pid]]
    return rel.language != "en", rel.date or "9999", q.pid


class QuoteTable:
    """Per quoted person id: which group each quotation is in, and the groups most recent first."""

    def __init__(self, quotes_by_person: Mapping[int, list[Quote]] | None = None, texts: Sequence[str] = (),
                 release_ids: Sequence[str] = (), releases: Mapping[str, Release] | None = None) -> None:
        quotes_by_person, releases = quotes_by_person or {}, releases or {}
        self.group_of: dict[int, dict[_Key, int]] = {}
        self.counts: dict[int, int] = {}  # quotations per person: fewer in a scope that left some out
        self.recent_order: dict[int, list[list[int]]] = {}  # groups, as positions in the person's quotations
        for person, quotes in quotes_by_person.items():
            if not quotes:
                continue
            keys: dict[str, int] = {}
            of: dict[_Key, int] = {}
            for q in quotes:  # one group per distinct quotation: its first 80 characters, normalised
                norm = " ".join(quote_text(texts, q).casefold().split())[:80]
                of[(q.pid, q.start, q.end)] = keys.setdefault(norm, len(keys))
            self.group_of[person], self.counts[person] = of, len(quotes)
            at = {id(q): i for i, q in enumerate(quotes)}
            self.recent_order[person] = [[at[id(q)] for q in g]
                                         for g in self._newest_first(person, quotes, release_ids, releases)]

    def grouped(self, person: int, quotes: Sequence[Quote]) -> list[list[Quote]]:
        """`quotes` (some of the person's quotations, in any order) by distinct quotation: groups in the
        order their first telling comes in `quotes`, tellings in that order."""
        of = self.group_of.get(person, {})
        groups: dict[int, list[Quote]] = {}
        for q in quotes:
            groups.setdefault(of[(q.pid, q.start, q.end)], []).append(q)
        return list(groups.values())

    def most_recent_first(self, person: int, quotes: Sequence[Quote], owner: Sequence[str],
                          releases: Mapping[str, Release]) -> list[list[Quote]]:
        """The groups of `quotes` (the person's quotations, or those a scope leaves, in their order), most
        recent first: the latest date a quotation was printed decides its place, then its first paragraph.
        All of them: the order computed at build time. `owner`: paragraph id -> release id."""
        if len(quotes) == self.counts.get(person, -1):
            return [[quotes[i] for i in g] for g in self.recent_order[person]]
        return self._newest_first(person, quotes, owner, releases)

    def _newest_first(self, person: int, quotes: Sequence[Quote], owner: Sequence[str],
                      releases: Mapping[str, Release]) -> list[list[Quote]]:
        def newest(group: list[Quote]) -> tuple:
            latest = max((releases[owner[q.pid]].date or "" for q in group), default="")
            return latest, -min(q.pid for q in group)

        return sorted(self.grouped(person, quotes), key=newest, reverse=True)
