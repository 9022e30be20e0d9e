"""A snapshot with no release answers every question with a confident "No release names ..."; say so.

`pressbot run` refuses to start on one (exit 2) unless `corpus.allow_empty: true`, `pressbot index` exits 2,
`pressbot ask`/`shell` warn on stderr. The message is one line naming the corpus paths and why files were
skipped."""

from __future__ import annotations

from bot.config import Config
from bot.safe_text import terminal
from bot.snapshot import Snapshot

SHOWN_REASONS = 3


def empty_corpus_problem(cfg: Config, snap: Snapshot) -> str | None:
    """None when the snapshot holds a release; else one line: the paths, the files seen, the skip reasons."""
    if snap.corpus.releases:
        return None
    report = snap.report
    paths = ", ".join(str(p) for p in cfg.corpus_paths)
    if not report.files_seen:
        why = "no release files found there"
    else:
        shown = "; ".join(f"{f}: {r}" for f, r in report.skipped[:SHOWN_REASONS])
        more = f" (+{len(report.skipped) - SHOWN_REASONS} more)" if len(report.skipped) > SHOWN_REASONS else ""
        why = f"{report.files_seen} file(s) seen, {len(report.skipped)} skipped" + (f": {shown}{more}" if shown else "")
    return terminal(f"the corpus has no releases (corpus.paths: {paths}; {why})").replace("\n", " ")
