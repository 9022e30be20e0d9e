"""Each paragraph's comparison keys as 64-bit hashes, computed where it was cleaned (on the build's pool):
the load finds repeated paragraphs and listing pages by hash, each match confirmed on the text, so the
result is the one string keys give (on a hash shared by two different texts it compares the texts)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from bot.ingest.ledger import LANG_TAG, headline_key, stable_hash, title_key
from bot.ingest.report import LoadReport
from bot.models import ParagraphTable
from bot.textnorm import collapse_ws


def paragraph_keys(texts: Sequence[str]) -> np.ndarray:
    """Per text, (hash of its copy key, hash of its headline key) (see bot.ingest.ledger); shape (n, 2)."""
    out = np.zeros((len(texts), 2), dtype=np.uint64)
    for i, text in enumerate(texts):
        collapsed = collapse_ws(text)
        out[i, 0] = stable_hash(collapsed.casefold())  # ledger.copy_key
        out[i, 1] = stable_hash(LANG_TAG.sub("", collapsed).casefold())  # ledger.headline_key
    return out


def dedupe_by_hash(texts: Sequence[str], copy_hashes: np.ndarray, report: LoadReport
                   ) -> tuple[list[int], dict[int, list[int]]] | None:
    """The distinct paragraphs and each one's later copies (as `dedupe` finds them), or None when
    two different texts share a hash (then the caller compares the texts)."""
    first_of: dict[int, int] = {}
    index_pids: list[int] = []
    copies: dict[int, list[int]] = defaultdict(list)
    for pid, key in enumerate(copy_hashes.tolist()):
        first = first_of.setdefault(key, pid)
        if first == pid:
            index_pids.append(pid)
        elif collapse_ws(texts[pid]).casefold() != collapse_ws(texts[first]).casefold():
            return None
        else:
            copies[first].append(pid)
    report.duplicate_paragraphs += len(texts) - len(index_pids)
    return index_pids, dict(copies)


def listing_hits(titles: Sequence[tuple[str, str]], release_ids: Sequence[str], texts: Sequence[str],
                 headline_hashes: np.ndarray) -> tuple[Counter[str], Counter[str]] | None:
    """Per release, how many of its paragraphs are another release's headline (`titles`: (release id,
    title) in load order; the first release of a title owns it), and its paragraph count; None when two
    different titles share a hash."""
    owners: dict[int, tuple[str, str]] = {}
    for rid, title in titles:
        key = title_key(title)
        if owners.setdefault(stable_hash(key), (key, rid))[0] != key:
            return None
    hits: Counter[str] = Counter()
    for pid, key in enumerate(headline_hashes.tolist()):
        got = owners.get(key)
        if got is not None and got[1] != release_ids[pid] and headline_key(texts[pid]) == got[0]:
            hits[release_ids[pid]] += 1
    return hits, Counter(release_ids)


def dedupe(paragraphs: ParagraphTable, report: LoadReport) -> tuple[list[int], dict[int, list[int]]]:
    """The distinct paragraphs to index, and for each the later paragraphs printing the same words."""
    first_of: dict[str, int] = {}
    index_pids: list[int] = []
    copies: dict[int, list[int]] = defaultdict(list)
    for p in paragraphs:
        key = collapse_ws(p.text).casefold()
        first = first_of.setdefault(key, p.pid)
        if first == p.pid:
            index_pids.append(p.pid)
        else:
            copies[first].append(p.pid)
            report.duplicate_paragraphs += 1
    return index_pids, dict(copies)
