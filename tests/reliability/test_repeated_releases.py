"""Boilerplate is site furniture, not repeated releases: a release saved in 5 identical files, or re-posted
in 4 lightly edited versions, keeps its body, while the site's menus and sidebars are still dropped.
Real pages of two offices (Kings County NY, San Diego County CA), each folder 40 files."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from bot.ingest.corpus import load_corpus
from bot.textnorm import collapse_ws
from tests.helpers import PROSECUTORS


def _lines(path) -> list[str]:
    return [collapse_ws(x) for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]


@pytest.mark.parametrize("office", ["kings_ny", "san_diego_ca"])
def test_copies_and_versions_keep_their_body(tmp_path, office):
    if not (PROSECUTORS / office).is_dir():
        pytest.skip(f"real corpus not found at {PROSECUTORS}")
    files = sorted((PROSECUTORS / office).glob("*.txt"))[::25][:40]
    folder = tmp_path / office
    folder.mkdir()
    for f in files[2:]:
        shutil.copy(f, folder / f.name)
    copied, edited = files[0], files[1]
    for n in range(5):  # the same release saved five times
        shutil.copy(copied, folder / f"copy{n}-{copied.name}")
    text = edited.read_text(encoding="utf-8")
    for n in range(4):  # four updates of one release, each a little different
        (folder / f"v{n}-{edited.name}").write_text(text + f"\nUpdated {n + 1} times since first posted.\n",
                                                    encoding="utf-8")
    counts = Counter(x for f in files for x in set(_lines(f)))
    furniture = [x for x, c in counts.items() if c >= len(files) // 2 and len(x) > 20]
    assert furniture, "the sample should contain site furniture"

    corpus = load_corpus([folder])
    body = " ".join(corpus.paragraphs.texts)
    for release in (copied, edited):
        own = max((x for x in _lines(release) if counts[x] == 1), key=len)  # its longest line of its own
        assert own in body, (release.name, own[:80])
    assert not any(x in corpus.paragraphs.texts for x in furniture)
    assert len(corpus.report.identical_files) == 4
    assert sum(1 for r in corpus.releases.values() if copied.stem in r.id) == 1
