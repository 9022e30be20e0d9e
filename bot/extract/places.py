"""Cities and towns named in text: a GeoNames gazetteer plus rules against the usual decoys.

Decoys handled: counties ("Orange County", "Dallas, Collin and Tarrant Counties"), streets and
institutions ("Cockrell Hill Road", "Santa Ana College"), people ("Judge Garland", "Richardson
said"), compounds ("Dallas-Fort Worth", "(D-Burbank)"), states and countries; ambiguous small towns
need their state in the document ("Garland, Texas", a 'SANTA ANA, Calif.' dateline).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.textnorm import sentence_spans

DATA = Path(__file__).resolve().parent.parent / "data" / "places.tsv"

STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA",
    "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC",
    "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA",
    "Rhode Island": "RI", "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX",
    "Utah": "UT", "Vermont": "VT", "Virginia": "VA", "Washington": "WA", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "District of Columbia": "DC",
}
STATE_ABBR = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Cal.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
    "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Va.": "VA", "Vt.": "VT", "Wash.": "WA",
    "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
    **{code: code for code in ("CA", "TX", "NY", "GA", "FL", "AZ", "NV", "MO", "KS", "VA", "SC", "NC", "PA",
                               "NJ", "IL", "OH", "MI", "CO", "WA", "OR", "NM", "OK", "LA", "TN")},
}
COUNTRIES = frozenset("""Mexico Canada Chile Colombia Peru Italy Spain France Germany China Japan Taiwan Vietnam
Korea India Russia Ukraine Israel Iran Iraq Cuba Haiti Honduras Guatemala Salvador Brazil Argentina Venezuela
Philippines Australia England Ireland Scotland Nigeria Egypt Singapore Thailand America""".split())
_COMMON_WORDS = frozenset("""January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Commerce Industry Justice Mission Security Union Hope
Liberty Independence Enterprise Energy Progress Friendship Center Central Paradise Eagle Success Opportunity
Reform Normal Pearl Rose Carmel Faith Marion Ransom Humble Bonanza Plains Alert Marshall Victoria Grand
Vista Chase Sterling Clinton Lincoln Washington Jackson Franklin Madison Hamilton Monroe Jefferson Wheat""".split())
_AFTER_REJECT = re.compile(
    r"^(?:['’]s\s+)?\s*(?:(?i:county|counties)\b|Parish|Road|Rd\b|Street|St\b|Avenue|Ave\b|Boulevard|Blvd\b|Drive|Dr\b|Lane|"
    r"Ln\b|Way|Parkway|Pkwy|Freeway|Fwy|Highway|Hwy|Expressway|Court|Courthouse|Superior|Unified|School|College|"
    r"University|High|Mall|Airport|Bridge|Hospital|Medical|Justice|Jail|Municipal|Community|Harbor|River|Lake|"
    r"Creek|Canyon|Valley|Trail|Circle|Plaza|Square|Center|Herald|Times|News|Tribune|Chronicle|Post|Station|Hotel|"
    r"Motel|Apartments|Park|Memorial|Cemetery|Library|Church|Stadium|Arena|Metroplex|Area|Region|Division|Branch|"
    r"Office|Bureau|Unit|Task|Gang|Crips|Bloods|Boys|Street|Township|Metro|Transit|Independent|ISD|Public|Pike|"
    r"Turnpike|Terrace|Heights|Estates|Ranch|Hills|Mesa\b(?!\s*,))", re.UNICODE)
_PREV_OK = frozenset("""In in At at From from Of of To to Near near Between between And and Or or Throughout A An
throughout Outside outside Across across Around around Into into Within within Including including The the
City city Town town Village village Downtown downtown East West North South Northern Southern Central""".split())
_PERSON_BEFORE = frozenset("""Judge Justice Officer Detective Det. Deputy Sergeant Sgt. Mr. Ms. Mrs. Dr. Chief
Attorney Agent Investigator Trooper Captain Lieutenant Commissioner Director Senator Governor Mayor
Councilmember Supervisor DA ADA DDA Defendant Victim""".split())
_AFTER_PERSON = re.compile(r"^(?:,\s*\d{1,3}\s*,|\s+(?:said|says|stated|added|told|pleaded|was|is|who)\b)")
_EXCLUSION = re.compile(
    r"\b(?:not\s+(?:be\s+)?(?:included|part\s+of|participating|among|involved|covered)|excluded|except(?:ing)?|"
    r"other\s+than|no\s+longer\s+part)\b", re.IGNORECASE)
_POSTAL = re.compile(r"^,?\s+(?:[A-Z][A-Za-z.]+\.?\s+){1,2}\d{5}(?:-\d{4})?\b")  # "Dallas, Texas 75207": an address
_PART_OF_CITY = re.compile(r"^(?:\s+(?:neighbou?rhood|section|community)\b|\s+area\s+of\b|"
                           r",\s+(?:Brooklyn|Queens|the\s+Bronx|Bronx|Manhattan|Staten\s+Island)\b)")
_VENUE_BEFORE = re.compile(r"\b(?:Center|Centre|Courthouse|Building|Hall|Complex|Facility|Jail),\s*$")
_AGENCY_AFTER = re.compile(r"^\s+(?:Police|PD\b|Fire|Sheriff|City\s+(?:Council|Hall))")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|of|from|at|near|to|between|and|City of|Town of)\s+|,\s*)$")
_PLACE_AFTER = re.compile(r"^(?:['’]s)?\s+(?:officers?|police|residents?|homes?|residence|apartment|man|woman|"
                          r"couple|family|neighborhood|area|resident|businesses?|store|bank|park)\b")
_DATELINE_SPAN = re.compile(r"^\(?[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,14})?\)?\s*[–—-]+\s")
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


def states_in(text: str) -> set[str]:
    """US state codes a text names ('Texas', 'Calif.', 'N.Y.')."""
    found = set()
    for name, code in STATES.items():
        if name in text:
            found.add(code)
    for abbr, code in STATE_ABBR.items():
        if len(abbr) > 2 and abbr in text:
            found.add(code)
        elif len(abbr) == 2 and re.search(rf",\s{abbr}\b", text):
            found.add(code)
    return found


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


def find_places(text: str, doc_states: set[str], person_words: frozenset[str] = frozenset(),
                gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Cities and towns in one paragraph, each marked excluded when its sentence says it is not part."""
    gaz = gaz or Gazetteer.default()
    out: list[PlaceMention] = []
    county_lists = _county_lists(text)
    dl = _DATELINE_SPAN.match(text)
    skip_to = dl.end() if dl else 0
    for run in _CAP_RUN.finditer(text):
        words = run.group().replace("\u00a0", " ").split(" ")
        offsets = []
        pos = run.start()
        for w in words:
            offsets.append(pos)
            pos += len(w) + 1
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(gaz.max_words, len(words) - i), 0, -1):
                name = " ".join(words[i:i + n]).rstrip(".,;:’'")
                if name.endswith(("’s", "'s")):
                    name = name[:-2]
                if name in gaz.rows:
                    hit = (name, n)
                    break
            if not hit:
                i += 1
                continue
            name, n = hit
            start = offsets[i]
            end = start + len(name)
            i += n
            if start < skip_to:  # a dateline names where the release was issued, not the story's places
                continue
            if _accept(text, name, start, end, words, i - n, i, doc_states, person_words, gaz, county_lists):
                out.append(PlaceMention(name, start, end, False, bool(_AGENCY_AFTER.match(text[end:end + 60]))))
    if not out:
        return out
    marked = [(a, b) for a, b in sentence_spans(text) if _EXCLUSION.search(text[a:b])]
    return [PlaceMention(p.name, p.start, p.end, any(a <= p.start < b for a, b in marked), p.agency) for p in out]


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


def _accept(text: str, name: str, start: int, end: int, words: list[str], wi: int, wj: int,
            doc_states: set[str], person_words: frozenset[str], gaz: Gazetteer,
            county_lists: list[tuple[int, int]]) -> bool:
    if name in STATES or name in COUNTRIES or name in _COMMON_WORDS or name.isupper():
        return False
    if any(a <= start < b for a, b in county_lists):
        return False
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    if before.endswith(("-", "–")) or after.startswith(("-", "–")):
        return False
    if _AFTER_REJECT.match(after) or _AFTER_PERSON.match(after) or _POSTAL.match(after):
        return False
    if _PART_OF_CITY.match(after) or _VENUE_BEFORE.search(before):
        return False  # "Crown Heights, Brooklyn", "the Mira Mesa neighborhood", "Central Justice Center, Santa Ana"
    prev = words[wi - 1] if wi > 0 else (before.split()[-1] if before.split() else "")
    if re.match(r"^[A-Z]\.$", prev):
        return False  # after a middle initial: "Merrick B. Garland"
    if re.match(r"^['’]s\s+[a-z]", after):
        return False  # "Martinez’s house": a person's possessive, not the town
    if wi > 0 and prev not in _PREV_OK and not prev.endswith(("’s", "'s", "s’", "s'", ".", ",", ";", ":")):
        return False  # inside a longer proper name: "Tommy Richardson", "Cal State Fullerton"
    if prev.rstrip(".,") in _PERSON_BEFORE or prev in _PERSON_BEFORE:
        return False
    agency = bool(_AGENCY_AFTER.match(after))  # "Irving Police Department" names the city's own police
    sentence_ends = words[wj - 1].endswith((".", ",", ";", ":"))
    if wj < len(words) and words[wj][:1].isupper() and not sentence_ends and not agency and not _state_after(after):
        return False
    regions = {r for r, _ in gaz.regions(name)}
    explicit = _state_after(after)
    if explicit:
        return explicit in regions
    local = regions & doc_states
    pop = max((p for r, p in gaz.regions(name) if r in local), default=0) if local else 0
    placey = agency or bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after))
    if " " not in name and name in person_words and not placey:
        return False
    if local:
        return pop >= 1000
    big = max((p for _, p in gaz.regions(name)), default=0)
    return big >= 250_000 and placey
