"""People as the index holds them: names, titles grouped by role, mentions and quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from bot.extract.lexicon import ABBREVIATED, ROLE_MODIFIERS
from bot.extract.titles import title_has_office_word, title_names_office


@dataclass
class Person:
    """One person as the corpus names them."""

    id: int
    first: str
    last: str
    source: str
    names: dict[str, int] = field(default_factory=dict)  # surface form -> count
    titles: dict[str, int] = field(default_factory=dict)  # title as written -> count
    title_pids: dict[str, list[int]] = field(default_factory=dict)
    mention_pids: list[int] = field(default_factory=list)
    releases: set[str] = field(default_factory=set)

    def add(self, table: dict[str, int], key: str) -> None:
        table[key] = table.get(key, 0) + 1

    def add_title(self, title: str, pid: int) -> None:
        """Count one more statement of `title` for this person, cited at paragraph `pid`."""
        self.add(self.titles, title)
        self.title_pids.setdefault(title, []).append(pid)

    def is_official(self) -> bool:
        """Some title names an office anywhere in it (`title_names_office`: 'KCDA Analyst' counts): not
        a person a release is about. Used for `people_in` and lede subjects."""
        return any(title_names_office(t) for t in self.titles)

    def holds_official_title(self) -> bool:
        """Some title has an office as a whole word (`title_has_office_word`: 'KCDA Analyst' does not).
        Used for nickname merging; differs from `is_official` for ~40 people of the corpus."""
        return any(title_has_office_word(t) for t in self.titles)

    @property
    def name(self) -> str:
        """The fullest form the corpus uses for this person's name."""
        if not self.names:
            return self.last
        best = max(self.names.items(), key=lambda kv: (kv[1] >= 2 or len(self.names) == 1, len(kv[0].split()), kv[1]))
        return with_other_given_name(_with_given_name(best[0], self.names), self.names)

    @property
    def evidence(self) -> int:
        return sum(len(v) for v in self.title_pids.values())

    def roles(self) -> list[list[str]]:
        """The titles grouped by role, most stated role first, each group's most stated title first:
        'Orange County District Attorney' and 'District Attorney' are one role, 'County Supervisor' another."""
        groups = role_groups(self.titles)
        if groups:  # for a much-named official, a wording seen once is more likely a misreading than a role
            top = sum(self.titles[t] for t in groups[0])
            groups = [g for g in groups if top < 20 or sum(self.titles[t] for t in g) >= 2]
        return groups

    def top_titles(self, n: int = 4, groups: list[list[str]] | None = None) -> list[str]:
        """One title per role (most stated first), then the other wordings; 'age, of Town' last. `groups`:
        `roles()`, when already at hand."""
        groups = self.roles() if groups is None else groups
        heads = [g[0] for g in groups]
        rest = sorted((t for g in groups for t in g[1:]), key=lambda t: -self.titles[t])
        out = [t for t in heads if not t[:1].isdigit()] + rest + [t for t in heads if t[:1].isdigit()]
        return out[:n]


def _with_given_name(name: str, names: dict[str, int]) -> str:
    """'Karen Goana Villegas' for 'Gaona Villegas': a two-word form that is the two-part surname of a
    three-word form (its first part spelt alike) gives way to the three-word form."""
    words = name.split()
    if len(words) != 2:
        return name
    for n in sorted(names, key=lambda n: -names[n]):
        w = n.split()
        if len(w) == 3 and w[-1] == words[-1] and fuzz.ratio(w[1].casefold(), words[0].casefold()) >= 80:
            return n
    return name


def with_other_given_name(name: str, names: dict[str, int]) -> str:
    """'Kenneth P. “Ken” Thompson': when the corpus also names the person by another given name (a nickname
    folded in by the merge), show it in quotes before the surname as newspapers do, so both forms are seen."""
    words = name.split()
    if len(words) < 2:
        return name
    keys = {w.casefold().strip(".") for w in words}
    others = [(c, n.split()[0]) for n, c in names.items()
              if len(n.split()) >= 2 and n.split()[-1] == words[-1] and n.split()[0].casefold() not in keys
              and n.split()[0][:1].isupper() and len(n.split()[0].rstrip(".")) > 1 and c >= 2
              and not any(fuzz.ratio(n.split()[0].casefold(), w) >= 80 for w in keys)]
    if not others:
        return name
    nick = max(others)[1]
    return " ".join(words[:-1] + [f"“{nick}”", words[-1]])


@lru_cache(maxsize=1 << 16)  # a pure function of the title, asked again for every pair of titles
def _role_words(title: str) -> tuple[str, ...]:
    words = re.sub(r"\([^)]*\)", " ", title).replace("’s", " ").replace("'s", " ").split()
    words = [re.sub(r"^(?:then|former)-", "", w.casefold()).strip(".,:;") for w in words]
    words = [w for w in words if w and w not in ("then", "former", "the")]
    return tuple(" ".join(ABBREVIATED.get(w, w) for w in words).split())


def same_role(a: str, b: str) -> bool:
    """'Orange County District Attorney' ~ 'District Attorney' ~ 'DA'; not ~ 'Deputy District Attorney'."""
    wa, wb = _role_words(a), _role_words(b)
    if len(wa) < len(wb):
        wa, wb = wb, wa
    if not wb or wa[len(wa) - len(wb):] != wb:
        return False
    return not any(w in ROLE_MODIFIERS for w in wa[:len(wa) - len(wb)])


def role_groups(titles: dict[str, int]) -> list[list[str]]:
    """Group titles by `same_role`, most stated group (and title) first."""
    groups: list[list[str]] = []
    for t in sorted(titles, key=lambda t: -titles[t]):
        g = next((g for g in groups if any(same_role(t, x) for x in g)), None)
        if g is None:
            groups.append([t])
        elif t.casefold() not in {x.casefold() for x in g}:
            g.append(t)
    groups.sort(key=lambda g: -sum(titles[t] for t in g))
    for g in groups:  # the fullest wording in common use leads: 'San Diego County District Attorney', not 'DA'
        common = [t for t in g if titles[t] * 4 >= titles[g[0]]]
        lead = max(common, key=lambda t: (len(t.split()), titles[t]))
        g.remove(lead)
        g.insert(0, lead)
    return groups


@dataclass(slots=True)
class Quote:
    person: int
    pid: int
    start: int
    end: int
