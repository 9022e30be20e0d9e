"""Cities and towns named in text: a GeoNames gazetteer plus rules against the usual decoys.

Decoys handled: counties ("Orange County", "Dallas, Collin and Tarrant Counties"), streets and
institutions ("Cockrell Hill Road", "Santa Ana College"), people ("Judge Garland", "Richardson
said"), compounds ("Dallas-Fort Worth", "(D-Burbank)"), states and countries, surnames ("the Campbell family"),
businesses named after people ("Edna’s Soul Food"); ambiguous small towns need their state in the
document or as their source's home state ("Garland, Texas", a 'SANTA ANA, Calif.' dateline). Towns are
still read in title-case headlines ("Anaheim Man Charged"), possessives ("Boston’s South End"), business
names ("a Fresno Target store"), and, for ordinary words, with their state ("Reading, Pennsylvania") or
in a list of towns ("in Vista and Escondido").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.extract.lexicon import (
    BUSINESS_NOUNS,
    COMMON_WORD_TOWNS,
    COUNTRIES,
    NOT_PLACE_AFTER,
    PERSON_BEFORE,
    PERSON_VERBS_AFTER,
    PLACE_NOUNS_AFTER,
    PLACE_PREV_OK,
    STATE_ABBR,
    STATES,
)
from bot.textnorm import sentence_spans

DATA = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
PARTS = DATA.with_name("city_parts.tsv")
BARE_CITY = 50_000  # a town this big is named without its state, even where a city has a part of its name

AFTER_REJECT = re.compile(r"^(?:['’]s\s+)?\s*(?:" + "|".join(NOT_PLACE_AFTER) + ")")
_AFTER_PERSON = re.compile(r"^(?:,\s*\d{1,3}\s*,|\s+(?:" + "|".join(PERSON_VERBS_AFTER) + r")\b)")
_EXCLUSION = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:included|part\s+of|participating|among|involved|covered)|excluded|except(?:ing)?|"
    r"other\s+than|no\s+longer\s+part)\b", re.IGNORECASE)
_POSTAL = re.compile(r"^,?\s+(?:[A-Z][A-Za-z.]+\.?\s+){1,2}\d{5}(?:-\d{4})?\b")  # "Dallas, Texas 75207": an address
_PART_OF_CITY = re.compile(r"^(?:\s+(?:neighbou?rhood|section|community)\b|\s+area\s+of\b)")
_COMMA_NAME = re.compile(r"^,\s+((?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2})")
_VENUE_BEFORE = re.compile(r"\b(?:Center|Centre|Courthouse|Building|Hall|Complex|Facility|Jail),\s*$")
_AGENCY_AFTER = re.compile(r"^\s+(?:Police|PD\b|Fire|Sheriff|City\s+(?:Council|Hall))")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|of|from|at|near|to|between|and|City of|Town of)\s+|,\s*)$")
# 'the people of Dallas', 'the citizens of San Diego': the community an office serves, not a story's place
_CONSTITUENCY_BEFORE = re.compile(r"\b(?i:people|citizens)\s+of\s+(?:the\s+(?i:city|town)\s+of\s+)?$")
_COMMA_BEFORE = re.compile(r"\w,\s*$")  # 'Scott, Austin': placey only by _PLACE_BEFORE's comma
_PLACE_AFTER = re.compile(r"^(?:['’]s)?\s+(?i:" + "|".join(PLACE_NOUNS_AFTER) + r")\b")  # 'Anaheim Man Charged'
_HEADLINE_NOUN = re.compile(r"(?i:" + "|".join(PLACE_NOUNS_AFTER) + r")\b")
_BUSINESS_AFTER = re.compile(r"^\s+(?:[A-Z][\w’'&.-]*\s+){1,3}(?:" + "|".join(BUSINESS_NOUNS) + r")\b")
_POSSESSIVE_NAME = re.compile(r"^['’]s\s+[A-Z]")  # "Boston’s South End"
_SURNAME_FAMILY = re.compile(r"^\s+famil(?:y|ies)\b")
_DATELINE_SPAN = re.compile(r"^\(?[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,14})?\)?\s*[–—-]+\s")
_COUNT_ROW = re.compile(r"^[A-Z][\w.'’ ()-]{1,40}?\s*[–—-]+\s*\d[\d,]*(?:\s+[a-z]+)?\s*$")  # 'Villa Park- 1 attempted'
_CAP_RUN = re.compile(r"[A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,4}")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    name: str
    start: int
    end: int
    excluded: bool
    agency: bool = False  # named only as a police force's home: "Oceanside Police officers"


class Gazetteer:
    """Place names with their regions and populations."""

    def __init__(self, rows: dict[str, list[tuple[str, int]]]) -> None:
        self.rows = rows
        self.max_words = max((len(n.split()) for n in rows), default=1)
        # first words of the names of 2+ words: only a run starting with one can spell such a name
        self.first_words = {n.split(" ")[0] for n in rows if " " in n}
        self._one_word: dict[str, str | None] = {}  # word -> the name it spells alone (a cache)

    def one_word(self, word: str) -> str | None:
        """The name `word` spells alone (trailing punctuation and possessive off: 'Dallas’s'), or None."""
        got = self._one_word.get(word, "")
        if got == "":
            name = word.rstrip(".,;:’'-")
            name = name[:-2] if name.endswith(("’s", "'s")) else name
            got = name if name in self.rows else None
            if len(self._one_word) > 200_000:
                self._one_word.clear()
            self._one_word[word] = got
        return got

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        rows: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for line in DATA.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            name, region, pop = line.split("\t")
            rows[name].append((region, int(pop)))
        return cls(dict(rows))

    def regions(self, name: str) -> list[tuple[str, int]]:
        return self.rows.get(name, [])


def _state_after(rest: str) -> str | None:
    m = re.match(r"^,?\s+([A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)", rest)
    if not m:
        return None
    word = m.group(1)
    for cand in (word, word.split()[0]):
        if cand in STATES:
            return STATES[cand]
        if cand in STATE_ABBR:
            return STATE_ABBR[cand]
    return None


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What the place names of one paragraph are judged against."""

    doc_states: set[str]  # the states its release names (or its source usually does)
    person_words: frozenset[str]  # name words used for people: a bare 'Garland' may be a person
    gaz: Gazetteer
    county_lists: list[tuple[int, int]]  # spans of "Dallas, Collin and Tarrant Counties"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer name found in a run of capitalized words: run[wi:wj] spells it."""

    name: str
    start: int
    end: int
    run: list[str]
    wi: int
    wj: int
    before: str  # up to 40 characters before it
    after: str  # up to 60 characters after it

    @property
    def prev(self) -> str:
        """The word just before it (in its run, else in the text)."""
        return self.run[self.wi - 1] if self.wi > 0 else (self.before.split()[-1] if self.before.split() else "")


def reads_dateline(text: str) -> bool:
    """Does `find_places` skip an opening dateline here (so `dateline=True` may read more)?"""
    return not _COUNT_ROW.match(text) and bool(_DATELINE_SPAN.match(text))


def find_places(text: str, doc_states: set[str], person_words: frozenset[str] = frozenset(),
                gaz: Gazetteer | None = None, dateline: bool = False) -> list[PlaceMention]:
    """Cities and towns in one paragraph, each marked excluded when its sentence says it is not part."""
    gaz = gaz or Gazetteer.default()
    ctx = PlaceContext(doc_states, person_words, gaz, _county_lists(text))
    dl = None if dateline or _COUNT_ROW.match(text) else _DATELINE_SPAN.match(text)
    skip_to = dl.end() if dl else 0  # a dateline names where the release was issued, not the story's places
    # ...while a paragraph that is only a place and a count ('Anaheim – 4') is a row of a table of places
    cands = [c for c in candidates(text, gaz) if c.start >= skip_to]
    row = bool(_COUNT_ROW.match(text))  # a row of a table of places: its place is listed
    kept = [c for c in cands if accept(ctx, c, listed=row and c.start == 0)]
    kept += listed_common_words(ctx, text, cands, kept)
    kept.sort(key=lambda c: c.start)
    out = [PlaceMention(c.name, c.start, c.end, False, bool(_AGENCY_AFTER.match(c.after))) for c in kept]
    if not out:
        return out
    marked = [(a, b) for a, b in sentence_spans(text) if _EXCLUSION.search(text[a:b])]
    return [PlaceMention(p.name, p.start, p.end, any(a <= p.start < b for a, b in marked), p.agency) for p in out]


def candidates(text: str, gaz: Gazetteer) -> Iterator[Candidate]:
    """Gazetteer names in the runs of capitalized words, longest match first, left to right."""
    for run in _CAP_RUN.finditer(text):
        words = run.group().replace("\u00a0", " ").split(" ")
        offsets = []
        pos = run.start()
        for w in words:
            offsets.append(pos)
            pos += len(w) + 1
        i = 0
        while i < len(words):
            hit = _longest_name(words, i, gaz)
            if not hit:
                i += 1
                continue
            name, n = hit
            start = offsets[i]
            end = start + len(name)
            yield Candidate(name, start, end, words, i, i + n, text[max(0, start - 40):start], text[end:end + 60])
            i += n


def _longest_name(words: list[str], i: int, gaz: Gazetteer) -> tuple[str, int] | None:
    """The longest gazetteer name starting at words[i] (trailing punctuation and possessive off)."""
    if words[i] not in gaz.first_words:
        one = gaz.one_word(words[i])
        return (one, 1) if one else None
    for n in range(min(gaz.max_words, len(words) - i), 0, -1):
        name = " ".join(words[i:i + n]).rstrip(".,;:’'-")
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if name in gaz.rows:
            return name, n
    return None


def _county_lists(text: str) -> list[tuple[int, int]]:
    """Spans of lists ending in 'Counties' ("Dallas, Collin, Denton, and Tarrant Counties")."""
    spans = []
    for m in re.finditer(r"\b[Cc]ounties\b", text):
        head = text[max(0, m.start() - 120):m.start()]
        cut = max(head.rfind("."), head.rfind(";"), head.rfind(":"), head.rfind(" in "), head.rfind(" of "))
        start = m.start() - len(head) + (cut + 1 if cut >= 0 else 0)
        if "," in text[start:m.start()] or " and " in text[start:m.start()]:
            spans.append((start, m.start()))
    return spans


def accept(ctx: PlaceContext, c: Candidate, listed: bool = False) -> bool:
    """Whether a candidate names a city or town here: no decoy around it, and a fitting region. An
    ordinary word ('Reading', 'Jackson') is a town only with one of its states written after it
    ('Reading, Pennsylvania') or when `listed` beside another town ('in Vista and Escondido')."""
    if any(a <= c.start < b for a, b in ctx.county_lists):
        return False
    if never_a_town(c.name) and not (common_word(c.name) and (listed or _own_state_after(ctx, c))):
        return False
    if decoy_neighbours(c) or inside_other_name(c) or inside_city_part(ctx, c):
        return False
    if own_city_part(ctx, c):
        return False
    return fits_region(ctx, c, listed)


@lru_cache(maxsize=1)
def city_parts() -> dict[str, frozenset[str]]:
    """Part of a city (a borough, a neighbourhood) -> the regions it is in, from bot/data/city_parts.tsv."""
    parts: dict[str, set[str]] = defaultdict(set)
    for line in PARTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, region, _city = line.split("\t")
            parts[name].add(region)
    return {name: frozenset(regions) for name, regions in parts.items()}


def own_city_part(ctx: PlaceContext, c: Candidate) -> bool:
    """'Chinatown buses', 'drove to Harlem' in a New York release: a part of a city of the document's states
    (bot/data/city_parts.tsv) is that part, not a small town of the same name; a city of the name in the
    document's states, big enough to be named without its state ('Glendale' in a California release), or a
    state written after it ('Bloomfield, Connecticut') is read as the town."""
    parts = city_parts().get(c.name, frozenset()) & ctx.doc_states
    code = re.match(r",\s*([A-Z]{2})\b", c.after)  # 'Bloomfield, NJ'
    written = _state_after(c.after) or (code.group(1) if code and code.group(1) in STATE_ABBR.values() else None)
    if not parts or written not in (None, *parts):
        return False
    return not any(r in ctx.doc_states and pop >= BARE_CITY for r, pop in ctx.gaz.regions(c.name))


def inside_city_part(ctx: PlaceContext, c: Candidate) -> bool:
    """'Crown Heights, Brooklyn', 'Mott Haven, the Bronx': a name set before a comma and a part of a city
    (bot/data/city_parts.tsv) of the document's states is a part of that city too, not a town."""
    m = _COMMA_NAME.match(c.after)
    if m is None:
        return False
    words = m.group(1).split()
    parts = city_parts()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        regions = parts.get(name) or parts.get(name[:1].upper() + name[1:]) or parts.get(name.split(" ", 1)[-1])
        if regions:
            return not ctx.doc_states or bool(regions & ctx.doc_states)
    return False


def common_word(name: str) -> bool:
    """A town name that is mostly an ordinary word or a person's name, not a state or country."""
    return name in COMMON_WORD_TOWNS and name not in STATES and name not in COUNTRIES


def _own_state_after(ctx: PlaceContext, c: Candidate) -> bool:
    explicit = _state_after(c.after)
    return bool(explicit) and explicit in {r for r, _ in ctx.gaz.regions(c.name)}


_LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")


def listed_common_words(ctx: PlaceContext, text: str, cands: list[Candidate],
                        kept: list[Candidate]) -> list[Candidate]:
    """Ordinary-word towns, and towns whose name is also a person's, coordinated with a town already read
    ('in Vista and Escondido', 'the Anaheim, Cypress, Fullerton ... police departments'): a list of
    places is read as one, while a list of people ('Scott, Austin and Lane were convicted') reads none."""
    spans = [(k.start, k.end) for k in kept]
    out = []
    for c in cands:
        if not (common_word(c.name) or c.name in ctx.person_words) or c in kept:
            continue
        beside = any(_LIST_GAP.match(text[c.end:a]) or _LIST_GAP.match(text[b:c.start])
                     for a, b in spans if a >= c.end or b <= c.start)
        if beside and accept(ctx, c, listed=True):
            out.append(c)
    return out


def never_a_town(name: str) -> bool:
    """States, countries, ordinary words ('Commerce', 'Justice') and acronyms are never read as towns."""
    return name in STATES or name in COUNTRIES or name in COMMON_WORD_TOWNS or name.isupper()


def decoy_neighbours(c: Candidate) -> bool:
    """The words around it make it part of something else: a compound ('Dallas-Fort Worth'), a street or
    institution ('Santa Ana College'), a person ('Richardson said'), an address, a neighbourhood ('the Mira
    Mesa neighborhood'), an office's constituency ('the people of Dallas')."""
    before, after = c.before, c.after
    if before.endswith(("-", "–")) or re.match(r"[-–]\S", after):
        return True  # joined to the next word ('Dallas-Fort Worth'); a dash then a space ('Villa Park- 1') is not
    if AFTER_REJECT.match(after) or _AFTER_PERSON.match(after) or _POSTAL.match(after):
        return True
    if _CONSTITUENCY_BEFORE.search(before):
        return True  # 'the people of Dallas': the office's constituency, named in every kind of story
    the = c.prev == "The" if c.wi > 0 else f" {before.rstrip().lower()}".endswith(" the")
    if the and _SURNAME_FAMILY.match(after):
        return True  # "the Harrington family", "The Campbell family": a surname, not the town
    # "the Mira Mesa neighborhood", "Central Justice Center, Santa Ana"
    return bool(_PART_OF_CITY.match(after) or _VENUE_BEFORE.search(before))


def inside_other_name(c: Candidate) -> bool:
    """It is a word of a person's name or of a longer proper name ('Merrick B. Garland', 'Tommy
    Richardson', 'Judge Garland', 'Cal State Fullerton', 'Martinez’s house')."""
    prev = c.prev
    if re.match(r"^[A-Z]\.$", prev):
        return True  # after a middle initial: "Merrick B. Garland"
    if re.match(r"^['’]s\s+[a-z]", c.after):
        return True  # "Martinez’s house": a person's possessive, not the town
    if c.wi > 0 and prev not in PLACE_PREV_OK and not prev.endswith(("’s", "'s", "s’", "s'", ".", ",", ";", ":")):
        return True  # inside a longer proper name: "Tommy Richardson", "Cal State Fullerton"
    if prev.rstrip(".,") in PERSON_BEFORE or prev in PERSON_BEFORE:
        return True
    agency = bool(_AGENCY_AFTER.match(c.after))  # "Irving Police Department" names the city's own police
    sentence_ends = c.run[c.wj - 1].endswith((".", ",", ";", ":"))
    if not (c.wj < len(c.run) and c.run[c.wj][:1].isupper()) or sentence_ends or agency or _state_after(c.after):
        return False
    # a capitalized word follows; still the town in a title-case headline ('Anaheim Man Charged'), before
    # its part ('Boston’s South End'), or opening a business's name ('a Fresno Target store')
    headline = bool(_HEADLINE_NOUN.fullmatch(c.run[c.wj].rstrip(".,;:")))
    return not (headline or _POSSESSIVE_NAME.match(c.after) or business_of_city(c))


def business_of_city(c: Candidate) -> bool:
    """'a Fresno Target store': an article, the city, a brand, then a lowercase business noun."""
    article = c.run[c.wi - 1] if c.wi > 0 else (c.before.split() or [""])[-1]
    return article in ("a", "an", "A", "An") and bool(_BUSINESS_AFTER.match(c.after))


def fits_region(ctx: PlaceContext, c: Candidate, listed: bool = False) -> bool:
    """A state written after it must be one of its regions; else a town of the release's states with
    1,000 people, or a big city (250,000) in a place-like phrase; a bare person word needs that phrase."""
    regions = {r for r, _ in ctx.gaz.regions(c.name)}
    explicit = _state_after(c.after)
    if explicit:
        return explicit in regions
    local = regions & ctx.doc_states
    pop = max((p for r, p in ctx.gaz.regions(c.name) if r in local), default=0) if local else 0
    agency = bool(_AGENCY_AFTER.match(c.after))
    placey = agency or bool(_PLACE_BEFORE.search(c.before) or _PLACE_AFTER.match(c.after)) or business_of_city(c)
    # a comma alone is no place phrase for a name word ('Scott, Austin and Lane'); a list of towns is
    by_word = bool(_PLACE_BEFORE.search(c.before)) and not _COMMA_BEFORE.search(c.before)
    if " " not in c.name and c.name in ctx.person_words and not listed and not (
            agency or by_word or _PLACE_AFTER.match(c.after) or business_of_city(c)):
        return False
    if business_of_city(c) and not (_PLACE_BEFORE.search(c.before) or agency):
        # 'a Fresno Target store', but not 'a Mercedes Benz dealership' (Mercedes, Texas): a city, not a hamlet
        return pop >= 50_000 or max((p for _, p in ctx.gaz.regions(c.name)), default=0) >= 250_000
    if _POSSESSIVE_NAME.match(c.after) and not agency:
        # 'Boston’s South End', but not 'Edna’s Soul Food' or 'Gardner’s Pharmacy': only a city big enough
        # to be a possessor of places
        return pop >= 100_000 or max((p for _, p in ctx.gaz.regions(c.name)), default=0) >= 250_000
    if local:
        return pop >= 1000
    big = max((p for _, p in ctx.gaz.regions(c.name)), default=0)
    return big >= 250_000 and placey
