"""One pass of the build's pool over every paragraph, in chunks of consecutive paragraphs: the index terms
of the distinct ones (as ids, `bot.index.tokenizer.term_ids_of`) and the lowercase words of all of them
(`bot.people.merge.lower_word_counts`). Merged in chunk order, both equal a pass over the whole corpus
here: the same term numbering, the same counts in the same order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.index.tokenizer import TermIds, term_ids_of
from bot.people.merge import lower_word_counts

Chunk = tuple[list[str], list[bool]]  # consecutive paragraphs' texts, and which of them the index holds


def chunks_of(texts: Sequence[str], index_pids: Sequence[int], size: int) -> list[Chunk]:
    """The paragraphs in chunks of `size`, each text flagged when its paragraph is indexed."""
    indexed = [False] * len(texts)
    for pid in index_pids:
        indexed[pid] = True
    return [(list(texts[i:i + size]), indexed[i:i + size]) for i in range(0, len(texts), size)]


def paragraph_pass(stem: bool, chunks: list[Chunk]) -> list[tuple[TermIds, Counter[str]]]:
    """Each chunk's indexed texts' term ids and all its texts' lowercase words (a build worker's task:
    module-level, picklable with `stem` bound)."""
    out = []
    for texts, indexed in chunks:
        (terms,) = term_ids_of(stem, [[t for t, keep in zip(texts, indexed, strict=True) if keep]])
        out.append((terms, lower_word_counts(texts)))
    return out


def merged_words(parts: Sequence[Counter[str]]) -> Counter[str]:
    """The chunks' word counts added up, words in order of first use."""
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return total
