"""`sources` and `help`: what is loaded and what can be asked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bot.items import HelpEntry, Item, LatestReleases, ReleaseRef, SourceCount
from bot.models import Answer
from bot.snapshot import Snapshot
from bot.wording import plural


def help_answer(commands: Iterable[tuple[str, str, str, str, str]], prefix: str = "!",
                note: str | None = None) -> Answer:
    """The command list; `commands` are (name, usage, description, slash form, example) in the order to
    show; usage and example are written without the prefix."""
    items: list[Item] = [HelpEntry(command=name, usage=f"{prefix}{usage}", description=desc, slash=slash,
                                   example=f"{prefix}{example}" if example and example != usage else "")
                         for name, usage, desc, slash, example in commands]
    summary = note or "Commands (every answer cites the release and paragraph it quotes):"
    return Answer("help", "", True, summary, items=items)


def sources_answer(snap: Snapshot, limit: int = 10) -> Answer:
    rels = list(snap.corpus.releases.values())
    by_source = Counter(r.source for r in rels)
    items: list[Item] = [SourceCount(source=s, releases=n) for s, n in by_source.most_common()]
    recent = sorted(rels, key=lambda r: (r.date or "", r.id), reverse=True)[:limit]
    latest = [ReleaseRef(title=r.title, date=r.date, source=r.source, id=r.id, path=r.path, url=r.url)
              for r in recent]
    rep = snap.report
    summary = (f"{plural(len(rels), 'release')} from {plural(len(by_source), 'source')}, "
               f"{plural(rep.paragraphs, 'paragraph')}"
               + (f"; {plural(len(rep.skipped), 'file')} skipped" if rep.skipped else ""))
    return Answer("sources", "", True, summary, items=[*items, LatestReleases(latest)])
