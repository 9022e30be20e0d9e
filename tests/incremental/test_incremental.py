"""bot/incremental.py: files added, changed and removed, applied to a snapshot, answer exactly as a full
rebuild over the same files (real releases of the four offices: tests/conftest.py's sample)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.commands.engine import Engine
from bot.config import Config, load_config
from bot.incremental import apply_files
from bot.snapshot import Snapshot, build_snapshot
from bot.store import SnapshotStore
from tests.helpers import write_config
from tests.incremental.compare import (
    answer_tables_view,
    corpus_view,
    people_view,
    release_groups,
    same_groups,
    search_groups,
)


def corpus_copy(sample_dir: Path, tmp_path: Path, hold_every: int = 0) -> tuple[Config, list[Path]]:
    """The sample corpus copied under tmp_path (every `hold_every`-th file held out: returned, not copied)."""
    root = tmp_path / "corpus"
    held = []
    for n, f in enumerate(sorted(sample_dir.rglob("*.txt"))):
        dest = root / f.relative_to(sample_dir)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if hold_every and n % hold_every == 1:
            held.append((f, dest))
            continue
        shutil.copy2(f, dest)
    return load_config(write_config(tmp_path, [root])), [d for _, d in held] if held else []


def queries(snap: Snapshot) -> list[str]:
    """Command lines drawn from the corpus itself: its best-evidenced people, words of its headlines."""
    people = sorted((p for p in snap.entities.people if p.first), key=lambda p: (-p.evidence, p.id))[:8]
    words = sorted({w for r in snap.corpus.releases.values() for w in r.title.split() if w.isalpha() and len(w) > 6})
    lines = [f"who {p.last}" for p in people] + [f"quote {p.name}" for p in people[:4]]
    lines += [f"search {w}" for w in words[::max(1, len(words) // 8)]]
    lines += [f"cities {w}" for w in words[::max(1, len(words) // 4)]]
    return lines


def assert_same(inc: Snapshot, cfg: Config) -> Snapshot:
    """`inc` answers as a full rebuild of the files on disk does; returns the rebuild."""
    full = build_snapshot(cfg)
    a, b = corpus_view(inc), corpus_view(full)
    for key in a:
        assert a[key] == b[key], key
    assert people_view(inc) == people_view(full)
    ta, tb = answer_tables_view(inc), answer_tables_view(full)
    for key in ta:  # who's ranked evidence, quote's groups, search's highlight offsets
        assert ta[key] == tb[key], key
    assert inc.fingerprint == full.fingerprint  # a restart finds the incrementally saved snapshot
    ea, eb = Engine(SnapshotStore(cfg, inc)), Engine(SnapshotStore(cfg, full))
    for line in queries(full):
        assert ea.ask(line).to_dict() == eb.ask(line).to_dict(), line
        words = line.split(maxsplit=1)[1]
        assert same_groups(search_groups(inc, words), search_groups(full, words)), line
        assert same_groups(release_groups(inc, words), release_groups(full, words)), line
    return full


def test_adds_changes_and_removes_answer_as_a_full_rebuild(sample_dir, tmp_path):
    cfg, held = corpus_copy(sample_dir, tmp_path, hold_every=6)
    assert len(held) >= 8
    snap = build_snapshot(cfg)
    for f in held:  # added
        shutil.copy2(sample_dir / f.relative_to(tmp_path / "corpus"), f)
    applied = apply_files(snap, cfg, held, [])
    assert applied.rebuilt is None
    assert len(applied.snapshot.corpus.releases) == len(snap.corpus.releases) + len(held)
    snap = applied.snapshot
    assert_same(snap, cfg)
    # changed: a release gains a quoted paragraph, another loses its last paragraphs
    a, b = held[0], held[1]
    a.write_text(a.read_text(encoding="utf-8") + '\n\n"This sentence is new," said Deputy District Attorney Ada '
                 'Quillfeather.\n', encoding="utf-8")
    b.write_text("\n".join(b.read_text(encoding="utf-8").splitlines()[:12]) + "\n", encoding="utf-8")
    applied = apply_files(snap, cfg, [a, b], [])
    assert applied.rebuilt is None
    snap = applied.snapshot
    full = assert_same(snap, cfg)
    assert "Quillfeather" in {p.last for p in full.entities.people}
    # removed, with one more file added in the same batch
    gone = held[2:6]
    for f in gone:
        f.unlink()
    applied = apply_files(snap, cfg, [held[0]], gone)
    assert applied.rebuilt is None
    assert_same(applied.snapshot, cfg)


def test_the_serving_snapshot_is_not_changed(sample_dir, tmp_path):
    cfg, held = corpus_copy(sample_dir, tmp_path, hold_every=9)
    snap = build_snapshot(cfg)
    before, people = corpus_view(snap), people_view(snap)
    for f in held:
        shutil.copy2(sample_dir / f.relative_to(tmp_path / "corpus"), f)
    removed = sorted((tmp_path / "corpus").rglob("*.txt"))[3]
    removed.unlink()
    new = apply_files(snap, cfg, held, [removed]).snapshot
    assert new is not snap and new.corpus is not snap.corpus
    assert corpus_view(snap) == before and people_view(snap) == people


@pytest.mark.parametrize("office", ["orange_ca", "kings_ny"])
def test_a_line_becoming_furniture_cleans_the_other_files_again(sample_dir, tmp_path, office):
    """A folder of three releases of one office shares its site's menu lines, under the four files a line
    needs to be furniture; the fourth release makes them furniture in the other three too."""
    files = sorted((sample_dir / office).glob("*.txt"))[:4]
    folder = tmp_path / "corpus" / office
    folder.mkdir(parents=True)
    for f in files[:3]:
        shutil.copy2(f, folder / f.name)
    cfg = load_config(write_config(tmp_path, [tmp_path / "corpus"]))
    snap = build_snapshot(cfg)
    shutil.copy2(files[3], folder / files[3].name)
    applied = apply_files(snap, cfg, [folder / files[3].name], [])
    assert applied.rebuilt is None
    assert sorted(Path(p).name for p in applied.recleaned) == [f.name for f in files[:3]]
    full = assert_same(applied.snapshot, cfg)
    before = sum(len(snap.paragraphs_of(r)) for r in snap.corpus.releases)
    after = sum(len(full.paragraphs_of(r)) for r in snap.corpus.releases)
    assert after < before  # the menu lines left the three older releases
    # and back: removing it makes those lines the releases' own text again
    (folder / files[3].name).unlink()
    applied = apply_files(applied.snapshot, cfg, [], [folder / files[3].name])
    assert sorted(Path(p).name for p in applied.recleaned) == [f.name for f in files[:3]]
    assert_same(applied.snapshot, cfg)


def test_a_removed_release_is_in_no_answer(sample_dir, tmp_path):
    cfg, _ = corpus_copy(sample_dir, tmp_path)
    snap = build_snapshot(cfg)
    # the release naming the best-evidenced person who appears in one release only
    person = next(p for p in sorted(snap.entities.people, key=lambda p: -p.evidence)
                  if p.first and len(p.releases) == 1 and snap.entities.quotes_by_person.get(p.id))
    rid = next(iter(person.releases))
    path = Path(snap.corpus.releases[rid].path)
    title = snap.corpus.releases[rid].title
    engine = Engine(SnapshotStore(cfg, snap))
    assert rid in str(engine.ask(f"who {person.name}").to_dict())
    path.unlink()
    new = apply_files(snap, cfg, [], [path]).snapshot
    assert rid not in new.corpus.releases and rid not in new.release_ids
    assert all(rid not in p.releases for p in new.entities.people)
    engine = Engine(SnapshotStore(cfg, new))
    for line in [f"who {person.name}", f"quote {person.name}", f"search {title}", f"cities {title}",
                 *queries(new)]:
        assert rid not in str(engine.ask(line).to_dict()), line
    assert_same(new, cfg)


def test_a_change_that_needs_a_rebuild_is_rebuilt_and_says_why(sample_dir, tmp_path):
    """A new file identical to a release, named to come first in the folder: a full load keeps the new
    file and drops the old one as its copy, so the update is a rebuild."""
    cfg, _ = corpus_copy(sample_dir, tmp_path)
    snap = build_snapshot(cfg)
    original = sorted((tmp_path / "corpus" / "san_diego_ca").glob("*.txt"))[2]
    later, earlier = original.with_name("zz_" + original.name), original.with_name("aa_" + original.name)
    shutil.copy2(original, later)
    applied = apply_files(snap, cfg, [later], [])  # a later copy: applied incrementally, reported as a copy
    assert applied.rebuilt is None
    snap = assert_same(applied.snapshot, cfg)
    shutil.copy2(original, earlier)
    applied = apply_files(snap, cfg, [earlier], [])
    assert applied.rebuilt is not None and "identical" in applied.rebuilt
    assert_same(applied.snapshot, cfg)


def test_paths_outside_the_corpus_are_ignored(sample_dir, tmp_path):
    cfg, _ = corpus_copy(sample_dir, tmp_path)
    snap = build_snapshot(cfg)
    trash = tmp_path / "corpus" / "kings_ny" / ".trash"
    trash.mkdir()
    (trash / "x.txt").write_text("Hidden folders are not indexed.", encoding="utf-8")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Not a corpus file.", encoding="utf-8")
    applied = apply_files(snap, cfg, [trash / "x.txt", outside], [])
    assert sorted(applied.ignored) == sorted([str(trash / "x.txt"), str(outside)])
    assert corpus_view(applied.snapshot) == corpus_view(snap)


def test_a_jsonl_file_of_several_releases_is_added_changed_and_removed(sample_dir, tmp_path):
    """A JSONL file holding the bodies of real releases of two offices (San Diego, Brooklyn), each under a
    line of its own (else they would be identical copies of the releases)."""
    import json

    cfg, _ = corpus_copy(sample_dir, tmp_path)
    snap = build_snapshot(cfg)
    bodies = [f.read_text(encoding="utf-8") for f in sorted((sample_dir / "san_diego_ca").glob("*.txt"))[:2]]
    bodies += [sorted((sample_dir / "kings_ny").glob("*.txt"))[1].read_text(encoding="utf-8")]
    lines = [json.dumps({"title": f"Wire copy {n}", "body": f"Wire copy {n}.\n{b}", "date": f"2024-05-0{n + 1}"})
             for n, b in enumerate(bodies)]
    wire = tmp_path / "corpus" / "wire" / "feed.jsonl"
    wire.parent.mkdir()
    wire.write_text("\n".join(lines) + "\n", encoding="utf-8")
    applied = apply_files(snap, cfg, [wire], [])
    assert applied.rebuilt is None and len(applied.snapshot.corpus.releases) == len(snap.corpus.releases) + 3
    snap = assert_same(applied.snapshot, cfg)
    wire.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    applied = apply_files(snap, cfg, [wire], [])
    assert applied.rebuilt is None
    snap = assert_same(applied.snapshot, cfg)
    wire.unlink()
    applied = apply_files(snap, cfg, [], [wire])
    assert applied.rebuilt is None and not any(r.startswith("corpus/wire") for r in applied.snapshot.corpus.releases)
    assert_same(applied.snapshot, cfg)
