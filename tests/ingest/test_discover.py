"""bot.ingest.files.discover: one folder listing per folder (os.scandir) finds what an os.walk finds, in the
same order, with the same skip rules (hidden names, symlink loops, unreadable folders); the watcher's
`scan` is that walk, kept to regular files the index reads."""

from __future__ import annotations

import os
from pathlib import Path

from bot.config import load_config
from bot.ingest.files import discover, display_path, root_labels
from bot.ingest.report import LoadReport
from bot.watch import scan
from tests.helpers import write_config

# Brooklyn (kings_ny) and San Diego County (san_diego_ca) releases' opening lines, verbatim
BROOKLYN = "Four Brooklyn Residents Indicted In Connection With Kidnapping - The Brooklyn District Attorney's Office\n"
SAN_DIEGO = "San Diego County District Attorney Summer Stephan announced the sentencing today.\n"


def _walked(paths: list[Path], report: LoadReport) -> list[tuple[Path, Path, Path, str]]:
    """The os.walk listing discover used to make (the reference)."""
    labels = root_labels([r.parent if r.is_file() else r for r in paths])
    found = []
    for root in paths:
        if root.is_file():
            found.append((root, root.parent, root.parent, labels[root.parent]))
            continue
        seen: set[str] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: report.skipped.append(
                (display_path(e.filename), f"unreadable folder: {e.strerror}"))):
            real = os.path.realpath(dirpath)
            if real in seen:
                report.skipped.append((display_path(dirpath), "symlink loop: folder already visited"))
                dirnames[:] = []
                continue
            seen.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            found += [(Path(dirpath) / n, root, Path(dirpath), labels[root]) for n in sorted(filenames)
                      if not n.startswith(".")]
    return found


def _tree(tmp_path: Path) -> list[Path]:
    kings, sd = tmp_path / "kings_ny", tmp_path / "san_diego_ca"
    for folder in (kings / "2019" / "b", kings / "2019" / "a", kings / ".trash", sd):
        folder.mkdir(parents=True, exist_ok=True)
    (kings / "z.txt").write_text(BROOKLYN, encoding="utf-8")
    (kings / "2019" / "a" / "one.md").write_text(BROOKLYN, encoding="utf-8")
    (kings / "2019" / "b" / "two.txt").write_text(BROOKLYN, encoding="utf-8")
    (kings / "2019" / "notes.part").write_text(BROOKLYN, encoding="utf-8")  # a suffix the index does not read
    (kings / ".trash" / "old.txt").write_text(BROOKLYN, encoding="utf-8")
    (kings / ".hidden.txt").write_text(BROOKLYN, encoding="utf-8")
    (kings / "2019" / "b" / "loop").symlink_to(kings / "2019")  # a symlink loop
    (kings / "linked").symlink_to(sd)  # a folder reached twice, through a link
    (kings / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a broken link
    os.mkfifo(kings / "pipe.txt")  # listed, never opened
    (sd / "a.txt").write_text(SAN_DIEGO, encoding="utf-8")
    single = tmp_path / "single.txt"
    single.write_text(SAN_DIEGO, encoding="utf-8")
    return [kings, sd, tmp_path / "missing", single]


def test_discover_finds_what_os_walk_finds(tmp_path):
    roots = _tree(tmp_path)
    got, want = LoadReport(), LoadReport()
    found = discover(roots, got)
    assert [(f.path, f.root, f.group, f.label) for f in found] == _walked(roots, want)
    assert got.skipped == want.skipped
    reasons = [r for _, r in got.skipped]
    assert any("symlink loop" in r for r in reasons) and any("unreadable folder" in r for r in reasons)
    names = [f.path.name for f in found]
    assert "pipe.txt" in names and "gone.txt" in names and ".hidden.txt" not in names and "old.txt" not in names
    assert names.index("z.txt") < names.index("one.md") < names.index("two.txt")  # a folder's files first


def test_the_watchers_scan_keeps_the_regular_files_the_index_reads(tmp_path):
    roots = _tree(tmp_path)
    (tmp_path / "cfg").mkdir()
    cfg = load_config(write_config(tmp_path / "cfg", roots[:2] + roots[3:]))
    seen = scan(cfg)
    kings, sd = roots[0], roots[1]
    assert sorted(seen) == sorted(str(p) for p in (
        kings / "z.txt", kings / "2019" / "a" / "one.md", kings / "2019" / "b" / "two.txt",
        kings / "linked" / "a.txt", sd / "a.txt", roots[3]))  # no FIFO, broken link, .part or hidden file
    st = (sd / "a.txt").stat()
    assert seen[str(sd / "a.txt")] == (st.st_size, st.st_mtime_ns)
