"""The dev eval's scoring rules (shared/eval/README.md, revised), on answers as `--json` prints them.

Scoring reads `Answer.to_dict()` (the documented `--json` field names), so it does not depend on how the
command layer types its items."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.textnorm import collapse_ws, fold_accents

_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def norm(text: str, punctuation: bool = False) -> str:
    """The eval's normalization: casefold, straight quotes, accents stripped, whitespace collapsed
    (`punctuation`: also punctuation removed, as for titles)."""
    text = fold_accents(text.casefold()).translate(_QUOTE_MARKS)
    if punctuation:
        text = re.sub(r"[^\w\s]", " ", text)
    return collapse_ws(text)


def _padded(text: str) -> str:
    return f" {norm(text, True)} "


def title_match(got: str, gold: str, gold_titles: list[str] | None = None) -> bool:
    """Whole-word title match: the returned title contains the gold title, or it is contained in the gold
    title and is a gold title itself or at least two words long (a bare 'Attorney' does not match
    'Baltimore City State's Attorney')."""
    a, b = _padded(got), _padded(gold)
    if not a.strip() or not b.strip():
        return False
    if b in a:
        return True
    if a in b:
        golds = {_padded(t) for t in (gold_titles or [gold])}
        return a in golds or len(a.split()) >= 2
    return False


def _words(text: str) -> str:
    return _padded(text)


def states_title(snippet: str, name: str, titles: list[str]) -> bool:
    """Does a verbatim snippet state the title itself: a title matching a gold title, and the person's full
    name (first and last word of `name`) or the surname right after that title ('DA Creuzot')?"""
    text = _words(snippet)
    parts = norm(name, True).split()
    if not parts:
        return False
    first, last = parts[0], parts[-1]
    full = f" {first} " in text and f" {last} " in text and len(parts) > 1
    for t in titles:
        tw = _padded(t)
        if tw.strip() and tw in text and (full or f"{tw.rstrip()} {last} " in text):
            return True
    return False


def is_person(returned_name: str, gold_name: str) -> bool:
    """The returned person is the gold person: their name contains the gold name's last word, and its
    first word when the gold gives one."""
    got = _words(returned_name)
    parts = norm(gold_name, True).split()
    if not parts:
        return False
    return f" {parts[-1]} " in got and (len(parts) == 1 or f" {parts[0]} " in got)


@lru_cache(maxsize=8192)
def _file_text(path: str) -> str:
    try:
        return collapse_ws(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""


def verbatim(ans: dict[str, Any]) -> list[bool]:
    """For each citation: is its snippet a substring of its file (whitespace collapsed)?"""
    return [collapse_ws(c["text"]) in _file_text(c["path"]) for c in ans["citations"]]


def _cited_file(citation: dict[str, Any], files: list[str]) -> bool:
    return any(citation["path"].endswith(f) for f in files)


def _person_passes(person: dict[str, Any], citations: list[dict[str, Any]],
                   gold: dict[str, Any]) -> tuple[bool, bool, bool]:
    """(is the gold person, title ok, citation ok) for one returned person against one gold person."""
    if not is_person(person.get("name", ""), gold["name"]):
        return False, False, False
    golds = gold["titles"]
    got = person.get("titles", [])
    ok_title = any(title_match(g, t, golds) for g in got for t in golds)
    mine = [citations[i] for i in person.get("citations", []) if 0 <= i < len(citations)]
    files = [s["file"] for s in gold["sources"]]
    said = golds + [g for g in got if any(title_match(g, t, golds) for t in golds)]
    ok_cite = any(_cited_file(c, files) or states_title(c["text"], gold["name"], said) for c in mine)
    return True, ok_title, ok_cite


def score_who(item: dict[str, Any], ans: dict[str, Any]) -> dict[str, Any]:
    """The item is about `name`: one returned person must be them, with a matching title and a supporting
    citation of their own."""
    people = [p for p in ans["items"] if "name" in p]
    found = title = cited = False
    for person in people:
        is_gold, ok_title, ok_cite = _person_passes(person, ans["citations"], item)
        if is_gold:
            found = True
            title, cited = title or ok_title, cited or ok_cite
            if ok_title and ok_cite:
                break
    ok = bool(ans["found"]) and found and title and cited
    result: dict[str, Any] = {"pass": ok, "person": found, "title": title, "cited": cited}
    if item.get("ambiguous"):
        result["disambiguated"] = _disambiguated(item, ans, people)
    return result


def _disambiguated(item: dict[str, Any], ans: dict[str, Any], people: list[dict[str, Any]]) -> bool | None:
    """Does the answer name at least two of the listed people, or say the name is ambiguous? None when
    not required: a full-name query that no other listed person carries every word of."""
    listed = [item] + list(item.get("others") or [])
    query = norm(item["query"], True).split()
    if len(query) > 1 and not any(all(f" {w} " in _words(o["name"]) for w in query) for o in listed[1:]):
        return None
    named = sum(1 for p in listed if any(is_person(r.get("name", ""), p["name"]) for r in people))
    summary = norm(ans["summary"])
    return named >= 2 or "different people" in summary or "people named" in summary


def score_cities(item: dict[str, Any], ans: dict[str, Any]) -> dict[str, Any]:
    also = {norm(c) for c in item.get("also_ok") or []}
    gold = {norm(c) for c in item["cities"]}
    excluded = {norm(c) for c in item.get("excluded") or []}
    pred = {norm(i["city"]) for i in ans["items"] if i.get("status") == "included" and "city" in i} - also
    violation = bool(pred & excluded)
    if not gold and not pred:
        f1 = 1.0
    else:
        tp = len(pred & gold)
        p = tp / len(pred) if pred else 0.0
        r = tp / len(gold) if gold else 0.0
        f1 = 0.0 if violation or not tp else 2 * p * r / (p + r)
    return {"f1": f1, "violation": violation, "pass": f1 >= 0.999,
            "missing": sorted(gold - pred), "extra": sorted(pred - gold)}


def score_quote(item: dict[str, Any], ans: dict[str, Any]) -> dict[str, Any]:
    """Some returned quote contains the first 60 characters of a gold quote, cited from a gold file."""
    heads = [norm(q)[:60] for q in item["quotes"]]
    files = [s["file"] for s in item["sources"]]
    ok_text = ok = False
    for q in ans["items"]:
        if "text" not in q:
            continue
        if any(h in norm(q["text"]) for h in heads):
            ok_text = True
            c = q.get("citation")
            cites = [ans["citations"][c]] if isinstance(c, int) and 0 <= c < len(ans["citations"]) else []
            if any(_cited_file(x, files) for x in cites):
                ok = True
                break
    return {"pass": ok, "text": ok_text}


def _prints(c: dict[str, Any], file: str) -> bool:
    """The citation is of `file`, or names it among the releases printing the same words (`also_in`): a
    paragraph several releases print is one result, and it comes from each of them."""
    stem = file[:-4] if file.endswith(".txt") else file
    return c["path"].endswith(file) or any(stem.endswith(f"/{rid}") for rid in c.get("also_in") or [])


def score_search(item: dict[str, Any], ans: dict[str, Any]) -> dict[str, Any]:
    rank = 0
    for n, c in enumerate(ans["citations"], start=1):
        para = norm(c["text"])
        for rel in item["relevant"]:
            ev = norm(rel["evidence"])
            if _prints(c, rel["file"]) and (ev in para or (para in ev and len(para) >= 40)):
                rank = n
                break
        if rank:
            break
    return {"rr": 1 / rank if rank else 0.0, "rank": rank, "pass": rank == 1}


def score_unanswerable(_item: dict[str, Any], ans: dict[str, Any]) -> dict[str, Any]:
    """Nothing found, and no person, title, quote or city asserted (a labelled suggestion is allowed)."""
    return {"pass": not ans["found"] and not ans["citations"]}


SCORERS = {"who": score_who, "cities": score_cities, "quote": score_quote, "search": score_search,
           "unanswerable": score_unanswerable}


def item_source(item: dict[str, Any]) -> str:
    """The county folder of the item's first gold file ('seed' for the demo article), else its `county`."""
    files = [s["file"] for s in item.get("sources") or item.get("relevant") or []]
    if files:
        parts = Path(files[0]).parts
        return "seed" if parts[0] == "seed" else parts[-2]
    return str(item.get("county") or "none")
