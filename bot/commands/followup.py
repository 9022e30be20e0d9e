"""Follow-ups on a citation: the paragraphs after it in its release (cited), and the citation as plain text.

A citation is named by a short reference that fits a Discord component value: its release (`release_ref`),
its paragraph number and where its snippet starts and ends in that paragraph. Nothing is kept between the
answer and the follow-up, so a follow-up works after a restart; after a reload that dropped the release
it says so."""

from __future__ import annotations

from dataclasses import dataclass

from bot.commands.cite import cite
from bot.commands.suggest import release_of_ref, release_ref
from bot.models import Answer, Citation, Paragraph
from bot.people.citations import is_headline
from bot.render_text import citation_line
from bot.snapshot import Snapshot
from bot.wording import plural

MORE = 3  # paragraphs a "more from this release" shows
GONE = "That release is no longer loaded; ask again."


@dataclass(frozen=True, slots=True)
class CitationRef:
    """Where a citation's snippet is: release reference, paragraph number, snippet start and length."""

    release: str
    paragraph: int
    start: int = 0
    length: int = 0

    def encode(self) -> str:
        return f"{self.release}:{self.paragraph}:{self.start}:{self.length}"

    @classmethod
    def decode(cls, text: str) -> CitationRef | None:
        parts = text.split(":")
        if len(parts) != 4 or not all(p.isdigit() for p in parts[1:]):
            return None
        return cls(parts[0], int(parts[1]), int(parts[2]), int(parts[3]))


def ref_of(snap: Snapshot, c: Citation) -> CitationRef:
    para = _paragraph(snap, c.release_id, c.paragraph)
    start = para.text.find(c.text) if para is not None else -1
    return CitationRef(release_ref(c.release_id), c.paragraph, max(start, 0), len(c.text) if start >= 0 else 0)


def _paragraph(snap: Snapshot, release_id: str, number: int) -> Paragraph | None:
    if release_id not in snap.corpus.releases:
        return None
    return next((p for p in snap.paragraphs_of(release_id) if p.number == number), None)


def more_from(snap: Snapshot, ref: CitationRef, count: int = MORE) -> Answer:
    """The `count` paragraphs after the cited one (headline repeats skipped), each cited in full."""
    rid = release_of_ref(snap, ref.release)
    if rid is None:
        return Answer("more", "", False, GONE, error="not_found")
    rel = snap.corpus.releases[rid]
    after = [p for p in snap.paragraphs_of(rid) if p.number > ref.paragraph and not is_headline(p.text, rel.title)]
    citations = [cite(snap, p.pid) for p in after[:count]]
    if not citations:
        return Answer("more", rel.title, False, f"Nothing follows ¶{ref.paragraph} in that release.")
    return Answer("more", rel.title, True, f"{plural(len(citations), 'paragraph')} after ¶{ref.paragraph}",
                  citations=citations)


def citation_text(snap: Snapshot, ref: CitationRef) -> str:
    """The citation as plain text to paste: “quote” — Title — Office · date · ¶N, then the link."""
    rid = release_of_ref(snap, ref.release)
    para = _paragraph(snap, rid, ref.paragraph) if rid is not None else None
    if para is None or rid is None:
        return GONE
    quote = para.text[ref.start:ref.start + ref.length] if ref.length else para.text
    c = cite(snap, para.pid, quote)
    return f"“{c.text}” — {citation_line(c)}" + (f"\n{c.url}" if c.url else "")
