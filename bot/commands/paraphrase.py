"""Paraphrase: the plain words a reporter asks in and the register a release writes in.

A reporter asks how long someone was "locked up" before being "freed"; the release says "served 34 years
behind bars" and "was released on bond". BM25 and the passage reading see words, so each group below lists
expressions that name the same thing in a criminal case's vocabulary: the plain word and its legal or
press-release equivalents. It is general English, grouped by what the words are about (custody, charges,
court, crimes, things and people that recur in crime news), not a list of any question's or office's
names: a reporter in any county asks in the plain words, and releases of every office use the formal ones.

How it is used (bot/commands/passage.py): a query word or phrase that is a member of a group becomes one
*unit* of the query; a sentence holds the unit when it holds the query's own words or every word of another
member (in any order), the latter counted at `RankingWeights.paraphrase` of the unit's weight. Members are
matched on index terms (stems), so "freed", "dismissed" and "recused" stand for their inflections too. A
phrase is recognized in the query only as consecutive content words ("drop the charges" -> drop, charg)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.index.tokenizer import Tokenizer

# Each group: expressions that name one thing. Keep members specific enough that any one of them, found in
# a sentence, says the thing ("release" alone is also a press release; it stays, as the usual word for
# being freed, because the other words of the query decide which sentence answers).
GROUPS: tuple[tuple[str, ...], ...] = (
    # custody: out of it, in it, taken into it
    ("freed", "set free", "walked free", "released", "exonerated", "exoneration"),
    ("locked up", "behind bars", "imprisoned", "imprisonment", "incarcerated", "incarceration", "jailed"),
    ("arrested", "apprehended", "detained", "taken into custody"),
    ("fled", "escaped", "absconded", "on the run", "fugitive"),
    ("bail", "bond"),
    # charges and their fate
    ("drop charges", "dropped charges", "dismiss", "dismissal", "withdraw charges"),
    ("charged", "indicted", "indictment", "accused"),
    ("step aside", "recuse", "recusal", "disqualified"),
    ("overturned", "vacated", "reversed", "thrown out"),
    ("plead guilty", "pleaded guilty", "admitted guilt", "guilty plea"),
    ("found guilty", "convicted", "conviction", "guilty verdict"),
    ("found not guilty", "acquitted", "acquittal", "not guilty verdict"),
    ("mistrial", "hung jury"),
    # people of a case
    ("lawyer", "attorney", "counsel"),
    ("prosecutor", "district attorney", "deputy district attorney"),
    ("cop", "police officer"),
    ("kid", "child", "minor", "juvenile"),
    ("elderly", "senior", "elder"),
    # crimes and harm
    ("killed", "slain", "murdered", "homicide"),
    ("steal", "stole", "stolen", "theft", "embezzle", "embezzlement", "larceny"),
    ("scam", "fraud", "swindle"),
    ("fake", "counterfeit", "forged"),
    ("rape", "sexual assault"),
    ("drunk driving", "driving under the influence", "dui", "dwi"),
    ("drugs", "narcotics", "controlled substances"),
    ("hurt", "injured", "wounded"),
    ("crash", "collision", "collided", "wreck"),
    ("explode", "explosion", "blast"),
    # things and acts that recur in crime news
    ("gun", "firearm", "handgun", "pistol"),
    ("car", "vehicle", "automobile"),
    ("garbage", "trash", "refuse", "sanitation"),
    ("buy", "bought", "purchase"),
    ("sell", "sold", "sale"),
    ("hide", "hid", "conceal"),
    ("money", "funds", "funding", "cash"),
    ("give", "gave", "grant", "award"),
    ("start", "begin", "launch", "establish"),
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing a query asks about: its own index terms, and the other ways of saying it."""

    terms: tuple[str, ...]
    alternatives: tuple[frozenset[str], ...] = ()
    shares: tuple[float, ...] = ()  # each own term's share of the unit's weight (its idf share)

    def held(self, terms: set[str] | frozenset[str], paraphrase: float) -> float:
        """1.0 when `terms` hold the query's own words, `paraphrase` when they hold another member's, else
        the share of the own words they hold ('charges' alone, for 'drop the charges')."""
        if all(t in terms for t in self.terms):
            return 1.0
        if any(alt <= terms for alt in self.alternatives):
            return paraphrase
        shares = self.shares or (1.0 / len(self.terms),) * len(self.terms)
        return sum(s for t, s in zip(self.terms, shares, strict=True) if t in terms)

    def weighed(self, idf: dict[str, float]) -> Unit:
        """This unit with its own terms' shares set from their idf."""
        total = sum(idf[t] for t in self.terms) or 1.0
        return Unit(self.terms, self.alternatives, tuple(idf[t] / total for t in self.terms))

    @property
    def all_terms(self) -> set[str]:
        return set(self.terms).union(*self.alternatives)


@lru_cache(maxsize=4)
def _written(stem: bool) -> dict[frozenset[str], str]:
    """Each member's index terms -> the member as written (to put an alternative into a query's text)."""
    tok = Tokenizer(stem)
    return {frozenset(tok(m)): m for group in GROUPS for m in group if tok(m)}


def alternatives_text(tokenizer: Tokenizer, query: str) -> str:
    """The one-word other wordings of the query's paraphrasable words and phrases, as text to search for
    beside the query ('released exonerated ...' for 'freed'); empty when the query has none. A phrase
    ('behind bars', 'district attorney') is left to the passage reading, which finds its words together:
    searched word by word it would match 'district' or 'set' anywhere."""
    terms = list(dict.fromkeys(tokenizer(query)))
    written = _written(tokenizer.stem)
    alts = [written[a] for u in query_units(tokenizer, terms) for a in u.alternatives
            if a in written and len(a) == 1]
    return " ".join(dict.fromkeys(alts))


@lru_cache(maxsize=4)
def _members(stem: bool) -> dict[tuple[str, ...], tuple[frozenset[str], ...]]:
    """Each member's index terms -> the other members' index-term sets (one table per tokenizer kind)."""
    tok = Tokenizer(stem)
    table: dict[tuple[str, ...], list[frozenset[str]]] = {}
    for group in GROUPS:
        forms = [tuple(tok(m)) for m in group]
        for form in forms:
            if form:
                table.setdefault(form, []).extend(frozenset(f) for f in forms if f and f != form)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def query_units(tokenizer: Tokenizer, terms: list[str]) -> list[Unit]:
    """The query's content terms (in order, no repeats) as units: the longest member phrase starting at
    each term becomes one unit with its alternatives; any other term is a unit of its own."""
    return list(_units(tokenizer.stem, tuple(terms)))


@lru_cache(maxsize=256)
def _units(stem: bool, terms: tuple[str, ...]) -> tuple[Unit, ...]:
    table = _members(stem)
    longest = max((len(k) for k in table), default=1)
    units: list[Unit] = []
    i = 0
    while i < len(terms):
        for k in range(min(longest, len(terms) - i), 0, -1):
            form = tuple(terms[i:i + k])
            if form in table:
                units.append(Unit(form, table[form]))
                i += k
                break
        else:
            units.append(Unit((terms[i],)))
            i += 1
    return tuple(units)
