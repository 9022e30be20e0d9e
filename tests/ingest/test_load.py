"""Ingestion: bad files are skipped with a reason while good ones load; formats; real-release cleaning."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.config import CorpusConfig
from bot.ingest.corpus import load_corpus
from bot.ingest.formats import split_front_matter
from tests.helpers import PROSECUTORS

GOOD = "Kansas City police said the operation began Monday.\n\nU.S. Attorney Tim Garrison announced it.\n"


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a text object, written by hand so the test needs no PDF writer."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


@pytest.fixture
def zoo(tmp_path: Path) -> Path:
    root = tmp_path / "zoo"
    src = root / "newsroom"
    src.mkdir(parents=True)
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "cp1252.txt").write_bytes("Jos\xe9 Luj\xe1n was sentenced \x93today\x94 in Dallas.".encode("latin-1"))
    (src / "front.md").write_text('---\ntitle: "A titled release"\nsource: Wire\ndate: 2024-05-01\n'
                                  'url: https://example.org/r\n---\nDeputy Chief Ann Lee said it was done.\n',
                                  encoding="utf-8")
    (src / "feed.jsonl").write_text(
        json.dumps({"title": "One", "body": "Sheriff Dan Cole spoke in Plano.", "date": "2023-01-02"}) + "\n"
        + "{not json\n" + json.dumps({"title": "No body"}) + "\n"
        + json.dumps({"title": "Two", "text": "Mayor Eve Ray spoke in Irving."}) + "\n", encoding="utf-8")
    (src / "page.html").write_text(
        "<html><head><title>Page headline</title></head><body><nav>Home | About</nav><article>"
        "<h1>Page headline</h1><p>District Attorney Kim Ogg announced charges against a Houston man "
        "today after a long investigation by the county.</p><p>The case will be heard in the 180th "
        "District Court next month, prosecutors said in the statement.</p></article></body></html>",
        encoding="utf-8")
    (src / "release.pdf").write_bytes(_minimal_pdf("Detective Sam Hill closed the case in Garland."))
    # the bad ones
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (src / "big.txt").write_text("x" * 3000, encoding="utf-8")
    (src / "bad_front.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    (src / "open_front.md").write_text("---\ntitle: x\nbody without end\n", encoding="utf-8")
    (src / "fake.pdf").write_bytes(b"this is not a pdf")
    (src / "notes.docx").write_bytes(b"PK\x03\x04")
    (src / "dangling.txt").symlink_to(src / "missing-target.txt")
    (src / "loop").symlink_to(src, target_is_directory=True)
    unreadable = src / "secret.txt"
    unreadable.write_text(GOOD, encoding="utf-8")
    unreadable.chmod(0)
    return root


def test_corrupt_file_zoo_reports_each_bad_file_and_loads_the_good(zoo: Path):
    cfg = CorpusConfig(max_file_mb=0.002)
    corpus = load_corpus([zoo], cfg)
    reasons = {Path(f).name: r for f, r in corpus.report.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["big.txt"]
    assert "malformed front matter" in reasons["bad_front.md"]
    assert "no closing '---'" in reasons["open_front.md"]
    assert "not a PDF" in reasons["fake.pdf"]
    assert "unsupported file type '.docx'" in reasons["notes.docx"]
    assert reasons["dangling.txt"] == "broken symlink"
    assert any("symlink loop" in r for r in reasons.values())
    if os.geteuid() != 0:  # root reads anything, so only an ordinary user sees this one
        assert "unreadable" in reasons["secret.txt"]
    problems = [p for _, p in corpus.report.problems]
    assert any(p.startswith("line 2: invalid JSON") for p in problems)
    assert any(p.startswith("line 3: no 'body'") for p in problems)

    titles = {r.title for r in corpus.releases.values()}
    assert {"A titled release", "One", "Two", "Page headline"} <= titles
    texts = [p.text for p in corpus.paragraphs]
    assert any(t == "José Luján was sentenced “today” in Dallas." for t in texts)  # cp1252 decoded
    assert any("Detective Sam Hill closed the case in Garland." in t for t in texts)  # PDF text
    assert any("Kim Ogg announced charges" in t for t in texts) and not any("Home | About" in t for t in texts)
    front = next(r for r in corpus.releases.values() if r.title == "A titled release")
    assert (front.source, front.date, front.url) == ("Wire", "2024-05-01", "https://example.org/r")
    jsonl_ids = sorted(r.id for r in corpus.releases.values() if r.path.endswith("feed.jsonl"))
    assert jsonl_ids == ["zoo/newsroom/feed#1", "zoo/newsroom/feed#4"]


def test_front_matter_rejects_unknown_keys():
    with pytest.raises(Exception, match="unknown key"):
        split_front_matter("---\ntitel: typo\n---\nbody\n")


# -- real releases ----------------------------------------------------------------------------------
def _load(*files: str) -> tuple:
    paths = [PROSECUTORS / f for f in files]
    for p in paths:
        if not p.exists():
            pytest.skip(f"real corpus file missing: {p}")
    return load_corpus(paths)


def test_dallas_pdf_hard_wraps_are_reflowed(sample_dir):
    corpus = load_corpus([sample_dir / "dallas_tx"])
    rel = next(r for r in corpus.releases.values() if "OliverVerdict" in r.id)
    texts = [p.text for p in corpus.paragraphs if p.release_id == rel.id]
    # in the file this sentence is cut after "Dallas County District Attorney" at the line end
    joined = next(t for t in texts if "said Dallas County District Attorney Faith Johnson" in t)
    assert "\n" not in joined and len(joined) > 200
    assert rel.dateline == "Dallas, Texas"


def test_san_diego_name_on_its_own_line_is_rejoined(sample_dir):
    corpus = load_corpus([sample_dir / "san_diego_ca"])
    rel = next(r for r in corpus.releases.values() if "plumbing-contractor" in r.id)
    first = [p.text for p in corpus.paragraphs if p.release_id == rel.id][1]
    assert first.startswith("San Diego County District Attorney Summer Stephan announced today that plumbing")


def test_sidebar_headlines_are_dropped_except_in_their_own_story(sample_dir):
    corpus = load_corpus([sample_dir / "orange_ca"])
    hazmat = [p for p in corpus.paragraphs if "GKN Aerospace" in p.text]
    story_ids = {p.release_id for p in hazmat}
    assert len(story_ids) == 1 and "anonymous-tip-hotline" in next(iter(story_ids))
    assert corpus.report.boilerplate_lines >= 20 * len(corpus.releases)  # menus, sidebars, footers
    for county in ("kings_ny", "san_diego_ca"):
        c = load_corpus([sample_dir / county])
        assert not any(p.text in ("SEAL YOUR CONVICTION", "[TWEET THIS]", "Skip to content") for p in c.paragraphs)


SHARED = "The defendant faces up to 25 years in state prison if convicted on all counts."


@pytest.fixture
def two_releases_one_paragraph(tmp_path) -> Path:
    """Two releases that share one paragraph word for word."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(f"First release\n{SHARED}\nOnly in A.\n", encoding="utf-8")
    (src / "b.txt").write_text(f"Second release\n{SHARED}\nOnly in B.\n", encoding="utf-8")
    return src


def test_exact_duplicate_paragraphs_are_indexed_once(two_releases_one_paragraph):
    corpus = load_corpus([two_releases_one_paragraph])
    dup = [p.pid for p in corpus.paragraphs if p.text == SHARED]
    assert len(dup) == 2 and dup[0] in corpus.index_pids and dup[1] not in corpus.index_pids
    assert corpus.copies[dup[0]] == [dup[1]] and corpus.report.duplicate_paragraphs == 1


def test_search_names_every_release_holding_a_duplicate_paragraph(two_releases_one_paragraph, tmp_path):
    from bot.commands.engine import Engine
    from bot.config import load_config
    from bot.store import SnapshotStore
    from tests.helpers import write_config

    cfg = load_config(write_config(tmp_path, [two_releases_one_paragraph]))
    engine = Engine(SnapshotStore.open(cfg, warm=False))
    ans = engine.ask("!search state prison convicted")
    assert len(ans.citations) == 1 and ans.citations[0].release_id == "src/a"
    assert ans.citations[0].also_in == ["src/b"]


PROSECUTING = "Deputy District Attorney Bryan Clavecilla of the HEAT Unit is prosecuting this case."


def test_a_sentence_repeated_across_releases_is_kept_but_furniture_is_not(tmp_path):
    """Orange reuses the prosecutor sentence in ~40 releases; it names a real person and stays. The
    'Proposition 35 and HEAT' box that follows it in every one of them is furniture and goes."""
    src = tmp_path / "orange_ca"
    src.mkdir()
    files = sorted(f for f in (PROSECUTORS / "orange_ca").glob("*.txt")
                   if PROSECUTING in f.read_text(encoding="utf-8").splitlines())[:5]
    if len(files) < 5:
        pytest.skip("real corpus not found")
    for f in files:
        (src / f.name).write_bytes(f.read_bytes())
    corpus = load_corpus([src])
    for rid in corpus.releases:
        texts = [p.text for p in corpus.paragraphs if p.release_id == rid]
        assert PROSECUTING in texts, rid
        assert "Proposition 35 and HEAT" not in texts


def test_publishing_stamp_dates_a_release_not_the_sidebar(sample_dir):
    """San Diego pages carry the CMS stamp '2025-04-02 15:40:29'; the 'Recent News' sidebar above it
    has newer dates that are not the release's."""
    corpus = load_corpus([sample_dir / "san_diego_ca"])
    rel = next(r for r in corpus.releases.values() if "plumbing-contractor" in r.id)
    assert rel.date == "2025-04-02"


def test_a_source_link_rule_gives_each_release_its_url_and_front_matter_wins(tmp_path):
    from bot.config import SourceConfig

    src = tmp_path / "kings_ny"
    src.mkdir()
    (src / "2020_11_12_four-men-indicted.txt").write_text(GOOD, encoding="utf-8")
    (src / "own.md").write_text("---\nurl: https://example.org/own\n---\n" + GOOD.replace("Monday", "Friday"),
                                encoding="utf-8")
    cfg = CorpusConfig(sources={"kings_ny": SourceConfig("Brooklyn DA", "https://www.brooklynda.org/{path}/")})
    corpus = load_corpus([src], cfg)
    urls = {r.path.rsplit("/", 1)[-1]: r.url for r in corpus.releases.values()}
    assert urls["2020_11_12_four-men-indicted.txt"] == "https://www.brooklynda.org/2020/11/12/four-men-indicted/"
    assert urls["own.md"] == "https://example.org/own"
    assert {r.source for r in corpus.releases.values()} == {"Brooklyn DA"}
    assert {r.source_key for r in corpus.releases.values()} == {"kings_ny"}
