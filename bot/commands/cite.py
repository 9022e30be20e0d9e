"""Building citations: a verbatim sentence (or the paragraph) with its article's metadata."""

from __future__ import annotations

from bot.models import Citation
from bot.snapshot import Snapshot
from bot.textnorm import sentence_spans

MAX_SNIPPET = 600


def sentence_at(text: str, start: int, end: int | None = None) -> str:
    """The sentence(s) of `text` covering [start, end), verbatim; the paragraph itself if short."""
    end = start if end is None else end
    if len(text) <= 320:
        return text
    spans = sentence_spans(text)
    lo = next((a for a, b in spans if a <= start < b), 0)
    hi = next((b for a, b in spans if a <= max(end - 1, start) < b), len(text))
    snippet = text[lo:hi].strip()
    if len(snippet) > MAX_SNIPPET:  # a run-on "sentence": cut a window around the match
        a = max(lo, start - MAX_SNIPPET // 3)
        a = text.rfind(" ", lo, a) + 1 if a > lo else lo
        snippet = text[a:a + MAX_SNIPPET].strip()
    return snippet or text


def cite(snap: Snapshot, pid: int, snippet: str | None = None, highlights: list[str] | None = None,
         also_in: list[str] | None = None) -> Citation:
    """A citation of paragraph `pid` quoting `snippet` (which must be a substring of it)."""
    para = snap.corpus.paragraphs[pid]
    rel = snap.corpus.releases[para.release_id]
    text = snippet if snippet is not None else para.text
    assert text in para.text, "a citation must quote its paragraph verbatim"
    return Citation(release_id=rel.id, title=rel.title, date=rel.date, source=rel.source, path=rel.path,
                    url=rel.url, paragraph=para.number, text=text, highlights=list(highlights or []),
                    also_in=list(also_in or []))
