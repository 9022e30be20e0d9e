"""Completions for what is being typed: people, or releases about a topic.

A completion is a `Choice`: the string is the value sent back (a person's plain name, a release's full title
or a short release reference), `label` what the picker shows ("Todd Spitzer — Orange County District
Attorney · 616 releases"). People are people only: no headline fragments read as names ("Spitzer Issues"),
no placeholders ("Jane Doe") and no organisations. Exact surnames come first, then surname prefixes (a
surname several people share first: those are the names a picker must tell apart), then given-name
prefixes, then close spellings."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.extract.tokens import name_key
from bot.people.person import Person
from bot.snapshot import Snapshot
from bot.wording import plural

LABEL_MAX = VALUE_MAX = 100  # Discord's limits for a choice's name and value
REF = re.compile(r"^#r([0-9a-f]{10})$")
PLACEHOLDER_SURNAMES = frozenset({"doe", "roe", "smith-doe"})
PLACEHOLDER_NAMES = frozenset({"jane", "john", "baby", "child", "minor", "victim"})
ORG_WORDS = frozenset("""county department office police court district bureau division agency unit task force
association foundation center centre inc llc company corporation services program coalition council board
university college school hospital bank church senate assembly act bill law state city project team""".split())
COMMON_WORD_MIN = 5  # a name word printed in lower case this often is an ordinary word


class Choice(str):
    """A completion: the string is the value; `label` is what Discord's picker shows."""

    label: str

    def __new__(cls, value: str, label: str | None = None) -> Choice:
        self = super().__new__(cls, value)
        self.label = label or value
        return self


@dataclass(slots=True)
class _Entry:
    name: str
    first: str
    last: str
    releases: int
    label: str


@dataclass(slots=True)
class _Tables:
    people: list[_Entry]
    namesakes: Counter[str]
    refs: dict[str, str]  # short release reference -> release id


_CACHE: dict[tuple, _Tables] = {}


def _ordinary_words(snap: Snapshot, words: set[str]) -> set[str]:
    """Those of `words` the corpus prints in lower case at least COMMON_WORD_MIN times."""
    counts: Counter[str] = Counter()
    rx = re.compile(r"\b[a-z][a-z’']+\b")
    for text in snap.corpus.paragraphs.texts:
        counts.update(w for w in rx.findall(text) if w in words)
    return {w for w, n in counts.items() if n >= COMMON_WORD_MIN}


def _is_person(p: Person, words: list[str], surnames: dict[str, int], ordinary: set[str]) -> bool:
    keys = [name_key(w) for w in words]
    if name_key(p.last) in PLACEHOLDER_SURNAMES or (keys and keys[0] in PLACEHOLDER_NAMES and len(keys) == 2
                                                     and keys[1] in PLACEHOLDER_SURNAMES):
        return False
    if any(k in ORG_WORDS for k in keys[1:]):
        return False
    # a headline read as a name: another person's surname, then ordinary words ("Spitzer Issues")
    return not any(surnames.get(k, 0) > len(p.releases) for k in keys[:-1]) or words[-1].lower() not in ordinary


def _label(p: Person, name: str) -> str:
    title = next(iter(p.top_titles(1)), "")
    parts = [x for x in (title, plural(len(p.releases), "release")) if x]
    room = LABEL_MAX - len(name) - 3
    meta = " · ".join(parts)
    if len(meta) > room:
        meta = meta[:max(room - 1, 0)].rstrip() + "…"
    return f"{name} — {meta}"[:LABEL_MAX]


def _tables(snap: Snapshot) -> _Tables:
    """Derived once per snapshot (about a second on 8,000 releases; warmed at startup)."""
    key = (snap.fingerprint, snap.__dict__.get("_scope_key", ()))  # one table per scope the snapshot is seen through
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    candidates = [p for p in snap.entities.people if p.first and p.evidence]
    surnames: dict[str, int] = defaultdict(int)
    for p in candidates:
        surnames[name_key(p.last)] = max(surnames[name_key(p.last)], len(p.releases))
    words = {w.lower() for p in candidates for w in p.name.split()[1:]}
    ordinary = _ordinary_words(snap, words)
    people = []
    for p in sorted(candidates, key=lambda p: (-len(p.releases), -p.evidence, p.id)):
        name = p.name
        if len(name.split()) >= 2 and _is_person(p, name.split(), surnames, ordinary):
            # a scope's copy named by fewer forms completes on the given name it is shown with
            first = p.first if snap.person_table.all_names(p) else name.split()[0]
            people.append(_Entry(name, name_key(first), name_key(p.last), len(p.releases), _label(p, name)))
    refs = {release_ref(rid): rid for rid in snap.corpus.releases}
    tables = _Tables(people, Counter(e.last for e in people), refs)
    if len(_CACHE) >= 8:  # one snapshot serves at a time, seen through a few scopes
        _CACHE.pop(next(iter(_CACHE)), None)
    _CACHE[key] = tables
    return tables


def release_ref(release_id: str) -> str:
    """A short, stable reference to a release (`#r` and 10 hex digits): fits Discord's 100-character values."""
    return "#r" + hashlib.sha1(release_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def people(snap: Snapshot, typed: str, limit: int) -> list[Choice]:
    """People close to what was typed, best first (see the module's docstring for the order)."""
    t = _tables(snap)
    words = [name_key(w) for w in typed.split()]
    if not words:
        ranked = t.people[:limit]
    elif len(words) > 1:
        ranked = [e for e in t.people if e.first.startswith(words[0]) and e.last.startswith(words[-1])]
    else:
        w = words[0]
        exact = [e for e in t.people if e.last == w]
        surname = sorted((e for e in t.people if e.last.startswith(w) and e.last != w),
                         key=lambda e: (-t.namesakes[e.last], e.last, -e.releases))
        given = [e for e in t.people if e.first.startswith(w) and not e.last.startswith(w)]
        ranked = exact + surname + given
    if len(ranked) < limit and words:
        hits = process.extract(words[-1], [e.last for e in t.people], scorer=fuzz.ratio, score_cutoff=70,
                               limit=limit)
        ranked += [t.people[h[2]] for h in hits]
    out = list({e.name: Choice(e.name, e.label) for e in ranked}.values())
    return out[:limit]


def topics(snap: Snapshot, typed: str, limit: int) -> list[Choice]:
    """The releases most about what was typed (release-level BM25), else the latest ones. The value is the
    full title, or a short release reference (`#r…`, resolved by `resolve`) when the title is too long
    for a Discord value: never a truncated title."""
    tokens = snap.tokenizer(typed)
    if tokens:
        rids = [snap.release_ids[row] for row, _ in snap.release_index.top_k(tokens, limit * 2)]
    else:
        rids = [r.id for r in sorted(snap.corpus.releases.values(), key=lambda r: r.date or "", reverse=True)]
    out: dict[str, Choice] = {}
    for rid in rids:
        rel = snap.corpus.releases[rid]
        if rel.title in out:
            continue
        value = rel.title if len(rel.title) <= VALUE_MAX else release_ref(rid)
        label = rel.title if len(rel.title) <= LABEL_MAX else rel.title[:LABEL_MAX - 1].rstrip() + "…"
        out[rel.title] = Choice(value, label)
        if len(out) >= limit:
            break
    return list(out.values())


def release_of_ref(snap: Snapshot, ref: str) -> str | None:
    """The id of the release `ref` (from `release_ref`) names in this snapshot, if any."""
    return _tables(snap).refs.get(ref)


def resolve(snap: Snapshot, argument: str) -> str:
    """A release reference an autocomplete sent (`#r0123456789`) as that release's full title; any other
    argument unchanged."""
    m = REF.match(argument.strip())
    if not m:
        return argument
    rid = _tables(snap).refs.get(argument.strip())
    return snap.corpus.releases[rid].title if rid else argument


def sources(names: dict[str, str], typed: str, limit: int) -> list[Choice]:
    """The sources (folder key -> display name) whose key or name holds what is typed, by name; the value
    is the folder key (what `source:` takes), the label 'Brooklyn District Attorney (Kings County) · kings_ny'."""
    t = typed.casefold().strip()
    hits = sorted((name.casefold(), key, name) for key, name in names.items()
                  if t in key.casefold() or t in name.casefold())
    return [Choice(key, f"{name} · {key}"[:LABEL_MAX] if name != key else key)
            for _, key, name in hits if len(key) <= VALUE_MAX][:limit]


def releases(snap: Snapshot, typed: str, limit: int) -> list[Choice]:
    """Release ids whose id or title holds what is typed (for `remove`), labelled with the title."""
    t = typed.casefold().strip()
    hits = sorted(rid for rid, r in snap.corpus.releases.items() if t in rid.casefold() or t in r.title.casefold())
    return [Choice(rid, f"{snap.corpus.releases[rid].title} · {rid}"[:LABEL_MAX])
            for rid in hits if len(rid) <= VALUE_MAX][:limit]
