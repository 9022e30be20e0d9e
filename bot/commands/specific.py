"""A query's most specific words must meet in one release.

"hot air balloon crash manslaughter" shares every word with the corpus, yet no release is about it: the
release naming balloons (nitrous-oxide balloons in a car) never says "hot" or "air", and the one saying
"hot spots" and "open-air" names no balloon. The words that are rarest in the corpus carry a query's topic:
a release about it holds the query's rarest word and one more of its three rarest (each in its own words or
another wording: bot/commands/paraphrase.py); when no release found does, nothing answers. Words no paragraph uses at all are left to
the absent-word rule (`search.absent_words`), which a small corpus turns off."""

from __future__ import annotations

import numpy as np

from bot.commands.paraphrase import Unit, query_units
from bot.commands.passage import content_query
from bot.snapshot import Snapshot, release_index_rows

SPECIFIC = 3  # how many of the query's rarest units are read
MUST_MEET = 2  # how many of them one release must hold


def _in_release(snap: Snapshot, row: int, term: str) -> bool:
    post = snap.release_index.postings(term)
    i = int(np.searchsorted(post, row))
    return i < len(post) and int(post[i]) == row


def _known(snap: Snapshot, terms: tuple[str, ...] | frozenset[str]) -> bool:
    return all(len(snap.index.postings(t)) for t in terms)


def specific_units(snap: Snapshot, query: str) -> list[Unit]:
    """The query's (up to) `SPECIFIC` rarest units that some paragraph uses, rarest first."""
    terms = list(dict.fromkeys(snap.tokenizer(content_query(query)) or snap.tokenizer(query)))
    units = [u for u in query_units(snap.tokenizer, terms)
             if _known(snap, u.terms) or any(_known(snap, a) for a in u.alternatives)]
    units.sort(key=lambda u: -max(snap.index.query_weight([t]) for t in u.terms))
    return units[:SPECIFIC]


def holds_specific(snap: Snapshot, release_id: str, units: list[Unit]) -> bool:
    """True when the release holds the first (rarest) of `units` and at least `MUST_MEET` of them in all
    (all of them when fewer), each in its own words or another wording."""
    row = release_index_rows(snap).get(release_id)
    if row is None or not units:
        return True
    held = [all(_in_release(snap, row, t) for t in u.terms)
            or any(all(_in_release(snap, row, t) for t in alt) for alt in u.alternatives) for u in units]
    return held[0] and sum(held) >= min(MUST_MEET, len(units))
