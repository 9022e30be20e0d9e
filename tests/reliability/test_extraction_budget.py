"""A pathological file cannot stall the people and quotes extraction: past its per-file budget it is
skipped by name, with the reason, and every good file of the build is still read (serially and on the
process pool)."""

from __future__ import annotations

import pytest

from bot.ingest.corpus import load_corpus
from bot.people import build

# Dallas County District Attorney (2019 gang unit grant), verbatim
DALLAS = ("The grant allows the District Attorney’s Office to add two additional prosecutors and one additional "
          "investigator, for a total of three prosecutors and two investigators to its gang unit. “The additional "
          "money will greatly assist in the prosecution of violent transnational gang members affiliated with "
          "groups like MS 13 and 18th Street gangs,” said Assistant District Attorney Tommy Adams.")
# Brooklyn District Attorney (2015 landlord convicted of murder), verbatim
KINGS = ("District Attorney Thompson said, “This defendant was out of control – he shot to death his tenant over "
         "unpaid rent and then went on to terrorize and assault another tenant and her two young children.”\n\n"
         "The District Attorney identified the defendant as Phillip Estevez, 63, of 566 Shepherd Avenue, in East "
         "New York, Brooklyn.")
NAMES = ["Al", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ike", "Jo", "Kit"]


def storm() -> str:
    """800 distinct paragraphs of back-to-back short quotations opening with names, each just under the
    paragraph limit: the densest text for the quotation finder (about 10 ms a paragraph: 8 s unbudgeted)."""
    def para(n: int) -> str:
        return "".join(f"“The {NAMES[(n + i) % 11]} {NAMES[(n * 7 + i) % 11]}son,” " for i in range(200))[:1480] + f" {n}."
    return "\n\n".join(para(n) for n in range(800))


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "dallas_tx").mkdir()
    (tmp_path / "kings_ny").mkdir()
    (tmp_path / "dallas_tx" / "grant.txt").write_text("Gang Unit Grant\n\n" + DALLAS + "\n", encoding="utf-8")
    (tmp_path / "kings_ny" / "landlord.txt").write_text("Landlord Convicted\n\n" + KINGS + "\n", encoding="utf-8")
    (tmp_path / "kings_ny" / "storm.txt").write_text("Storm\n\n" + storm() + "\n", encoding="utf-8")
    return load_corpus([tmp_path / "dallas_tx", tmp_path / "kings_ny"])


def _check(corpus, people) -> None:
    skipped = dict(corpus.report.skipped)
    storm_path = next(f for f in skipped if f.endswith("storm.txt"))
    assert "people and quotes not read" in skipped[storm_path] and "budget" in skipped[storm_path]
    assert len(skipped) == 1  # the good files are not skipped
    names = {p.name for p in people}
    assert "Tommy Adams" in names  # Dallas
    assert "Phillip Estevez" in names  # Brooklyn
    assert not any(p.last.endswith("son") and p.first in NAMES for p in people)  # nothing of the storm
    assert any(r.path.endswith("storm.txt") for r in corpus.releases.values())  # its text is still served


def test_a_file_past_its_extraction_budget_is_skipped_by_name_serially(corpus, monkeypatch):
    monkeypatch.setattr(build, "EXTRACT_BUDGET_S", 1.0)  # the storm needs about 8 s, a good file milliseconds
    people = build.build_entities(corpus, workers=1).people
    _check(corpus, people)


def test_a_file_past_its_extraction_budget_is_skipped_by_name_on_the_pool(corpus, monkeypatch):
    monkeypatch.setattr(build, "EXTRACT_BUDGET_S", 1.0)
    monkeypatch.setattr(build, "_MIN_PARALLEL", 0)  # three releases on two worker processes, one per task
    monkeypatch.setattr(build, "_CHUNK", 1)
    people = build.build_entities(corpus, workers=2).people
    _check(corpus, people)


def test_extraction_reads_a_bounded_prefix_of_overlong_text(tmp_path, monkeypatch):
    """The text budget: each paragraph read up to a length (a prefix, so quotation offsets stay valid), and
    a release read up to a total length, the cut named in the report."""
    monkeypatch.setattr(build, "MAX_EXTRACT_PARAGRAPH_CHARS", 200)
    monkeypatch.setattr(build, "MAX_EXTRACT_CHARS", 600)
    for office in ("dallas_tx", "kings_ny"):
        (tmp_path / office).mkdir()
    (tmp_path / "dallas_tx" / "grant.txt").write_text("Gang Unit Grant\n\n" + DALLAS + "\n", encoding="utf-8")
    # Brooklyn verbatim, then filler paragraphs naming one person each at their start
    body = KINGS + "\n\n" + "\n\n".join(f"Detective Al{c} Fry{c} spoke in Waco. " + "Filler words here. " * 20
                                        for c in "xyz")
    (tmp_path / "kings_ny" / "long.txt").write_text("Landlord Convicted\n\n" + body + "\n", encoding="utf-8")
    corpus = load_corpus([tmp_path / "dallas_tx", tmp_path / "kings_ny"])
    entities = build.build_entities(corpus)
    names = {p.name for p in entities.people}
    assert "Phillip Estevez" in names and "Alx Fryx" in names  # within their paragraphs' first 200 characters
    assert "Tommy Adams" not in names  # Dallas: named 380 characters into its paragraph (read whole above)
    assert "Aly Fryy" not in names and "Alz Fryz" not in names  # past the release's 600 characters
    assert any(f.endswith("long.txt") and "over 600 characters" in p for f, p in corpus.report.problems)
    for quotes in entities.quotes_by_person.values():
        assert all(q.end <= 200 for q in quotes)  # offsets into the full paragraph, inside the prefix read



def test_the_reload_reply_names_a_file_past_its_budget(tmp_path, monkeypatch):
    from bot.commands.reload import reload
    from bot.config import load_config
    from bot.store import SnapshotStore
    from tests.helpers import write_config

    for office, name, text in (("dallas_tx", "grant.txt", DALLAS), ("kings_ny", "landlord.txt", KINGS)):
        (tmp_path / office).mkdir()
        (tmp_path / office / name).write_text("Headline\n\n" + text + "\n", encoding="utf-8")
    cfg = load_config(write_config(tmp_path, [tmp_path / "dallas_tx", tmp_path / "kings_ny"]))
    store = SnapshotStore.open(cfg, use_cache=False, warm=False)
    (tmp_path / "kings_ny" / "storm.txt").write_text("Storm\n\n" + storm() + "\n", encoding="utf-8")
    monkeypatch.setattr(build, "EXTRACT_BUDGET_S", 1.0)
    ans = reload(store, "admin")  # built in this process: the budget set here applies
    assert ans.error is None and "1 added" in ans.summary and "1 file(s) skipped" in ans.summary
    skipped = [i for i in ans.items if i.KIND == "skipped"]
    assert skipped[0].skipped.endswith("storm.txt") and "people and quotes not read" in skipped[0].reason
    assert store.snapshot.entities.find("Tommy Adams").people  # the good files' people are all there
