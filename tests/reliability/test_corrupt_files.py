"""A zoo of corrupt, hostile and odd files: every good file loads, every bad one is skipped (or its bad
field dropped) with the file named and the reason, and nothing hangs, crashes or explodes in memory."""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

import pytest

from bot.config import CorpusConfig
from bot.ingest.corpus import load_corpus
from bot.ingest.files import display_path

GOOD = "Kansas City police said the operation began Monday.\n\nU.S. Attorney Tim Garrison announced it.\n"
BOMB = ("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n" + GOOD)


def _zoo(root: Path) -> dict[str, str]:
    """Write the zoo; returns file name -> the words its skip reason (or problem) must contain."""
    src = root / "newsroom"
    src.mkdir(parents=True)
    for n in range(3):
        (src / f"good{n}.txt").write_text(GOOD.replace("Monday", f"day {n}"), encoding="utf-8")
    (src / "utf16.txt").write_bytes("Mayor Eve Ray spoke in Irving about “the plan”.".encode("utf-16"))
    (src / "bad_date.md").write_text("---\ntitle: Dated\ndate: 2019-13-45\n---\nSheriff Dan Cole spoke.\n",
                                     encoding="utf-8")
    (src / "types.md").write_text("---\ntitle: {a: 1}\ndate: [1, 2]\nurl: 12\n---\nJudge Ann Lee ruled.\n",
                                  encoding="utf-8")
    (src / "bomb.md").write_text(BOMB, encoding="utf-8")
    (src / "junk.txt").write_bytes(bytes(range(128, 256)) * 40)
    (src / "feed.jsonl").write_bytes(
        json.dumps({"title": "One", "body": "Chief Bo Park spoke in Plano."}).encode() + b"\n"
        + b'{"title": "Nul", "body": "bad\x00line"}\n'
        + json.dumps({"title": "Two", "body": "Detective Al Fry spoke in Waco.", "date": "2023-02-30"}).encode())
    (src / "huge.txt").write_bytes(b"")
    os.truncate(src / "huge.txt", 50 * 1024 * 1024)  # sparse: 50 MB on paper, no disk used
    (src / "oneline.txt").write_text(("The defendant was sentenced in Dallas today. " * 110_000), encoding="utf-8")
    (src / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (src / "page.html").write_text("<html><script>alert(1)</script><body></body></html>", encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    (src / "loop").symlink_to(src, target_is_directory=True)
    deep = src
    for n in range(50):
        deep = deep / f"d{n}"
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text("Investigator Cy Moss found the car in Tyler.\n", encoding="utf-8")
    odd = os.fsdecode(b"caf\xe9-notice.txt")  # a file name that is not UTF-8
    (src / odd).write_text("Officer Di Vo spoke in Frisco.\n", encoding="utf-8")
    return {"pipe.txt": "not a regular file (FIFO)", "bomb.md": "aliases", "junk.txt": "not text",
            "huge.txt": "too large", "broken.pdf": "PDF", "page.html": "no main text"}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    root = tmp_path_factory.mktemp("zoo")
    expected = _zoo(root)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    corpus = load_corpus([root / "newsroom"], CorpusConfig(max_file_mb=20))
    return corpus, expected, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before


def test_every_bad_file_is_skipped_by_name_with_its_reason(loaded):
    corpus, expected, _s, _rss = loaded
    skipped = {Path(f).name: r for f, r in corpus.report.skipped}
    for name, reason in expected.items():
        assert name in skipped, f"{name} was not reported as skipped"
        assert reason in skipped[name], (name, skipped[name])


def test_every_good_file_loads(loaded):
    corpus, _e, _s, _rss = loaded
    texts = " ".join(corpus.paragraphs.texts)
    for words in ("Tim Garrison", "Mayor Eve Ray", "Sheriff Dan Cole", "Judge Ann Lee", "Chief Bo Park",
                  "Detective Al Fry", "Investigator Cy Moss", "Officer Di Vo", "sentenced in Dallas"):
        assert words in texts, words
    assert "Nul" not in {r.title for r in corpus.releases.values()}  # the NUL line alone is dropped


def test_bad_fields_are_dropped_with_a_warning_and_the_release_still_loads(loaded):
    corpus, _e, _s, _rss = loaded
    problems = [(Path(f).name, p) for f, p in corpus.report.problems]
    assert ("bad_date.md", "front matter: date '2019-13-45' is not a real date (YYYY-MM-DD); ignored") in problems
    assert any(f == "types.md" and "title must be text, got dict" in p for f, p in problems)
    assert any(f == "types.md" and "url '12' is not an http(s) address" in p for f, p in problems)
    assert any(f == "feed.jsonl" and "line 2: binary data (NUL bytes)" in p for f, p in problems)
    assert any(f == "feed.jsonl" and "line 3: date '2023-02-30' is not a real date" in p for f, p in problems)
    dated = next(r for r in corpus.releases.values() if r.path.endswith("bad_date.md"))
    assert dated.title == "Dated" and dated.date is None


def test_a_non_utf8_file_name_is_loaded_and_shown_printably(loaded):
    corpus, _e, _s, _rss = loaded
    rel = next(r for r in corpus.releases.values() if "notice" in r.path)
    assert rel.path.endswith("caf\\xe9-notice.txt") and "\\xe9" in rel.id
    json.dumps(rel.path, ensure_ascii=False).encode("utf-8")  # never a UnicodeEncodeError


def test_the_zoo_loads_in_bounded_time_and_memory(loaded):
    _c, _e, seconds, rss_kb = loaded
    assert seconds < 30 and rss_kb < 1_000_000, (seconds, rss_kb)


def test_two_roots_of_the_same_name_both_load(tmp_path):
    for side in ("a", "b"):
        (tmp_path / side / "releases").mkdir(parents=True)
        (tmp_path / side / "releases" / "notice.txt").write_text(f"Chief Al {side.upper()}ye spoke.\n",
                                                                 encoding="utf-8")
    corpus = load_corpus([tmp_path / "a" / "releases", tmp_path / "b" / "releases"])
    assert sorted(corpus.releases) == ["a/releases/notice", "b/releases/notice"]
    assert corpus.report.skipped == []


def test_display_path_escapes_undecodable_bytes():
    assert display_path(os.fsdecode(b"/x/caf\xe9.txt")) == "/x/caf\\xe9.txt"
    assert display_path("/x/café.txt") == "/x/café.txt"


def test_extraction_reads_a_bounded_share_of_a_pathological_release(tmp_path, monkeypatch):
    from bot.people import build

    monkeypatch.setattr(build, "MAX_EXTRACT_PARAGRAPHS", 3)
    src = tmp_path / "newsroom"
    src.mkdir()
    (src / "huge.txt").write_text("\n\n".join(f"Detective Al{chr(97 + n)} Fry{chr(97 + n)} spoke in Waco." for n in range(8)),
                                  encoding="utf-8")
    corpus = load_corpus([src])
    people = build.build_entities(corpus).people
    assert len({p.last for p in people}) == 3  # only the first three paragraphs were read for people
    assert any("read from the first 3 only" in p for _f, p in corpus.report.problems)
