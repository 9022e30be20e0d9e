"""`quote NAME about TOPIC`: a person's quotations ranked by how well their release (and the quotation's
own paragraph) match the topic; plain `quote NAME` most recent first. Whole real releases from three
offices (Kings, San Diego, Dallas), each named where used."""

from __future__ import annotations

import dataclasses

import pytest

from bot.commands.quote_topic import rank_by_topic, split_topic
from bot.commands.weights import WEIGHTS
from tests.helpers import PROSECUTORS, engine_for

KINGS = {  # Kings County (Brooklyn) DA: three ghost-gun cases, one gun buyback naming ghost guns in passing
    "ghost_2022.txt": "kings_ny/2022_04_22_bushwick-man-indicted-for-illegal-possession-of-ghost-guns.txt",
    "buyback_2022.txt": "kings_ny/2022_12_19_record-number-of-firearms-recovered-in-brooklyn-gun-buyback.txt",
    "buyback_2024.txt": "kings_ny/2024_07_19_brooklyn-district-attorney-eric-gonzalez-and-nypd-to-offer-500-for-guns-"
                        "at-crown-heights-buyback.txt",
}
SAN_DIEGO = {  # San Diego County DA: two nitrous-oxide releases and two about other things
    "nitrous_civil.txt": "san_diego_ca/news_civil-penalties-nitrous-oxide-distributor.txt",
    "nitrous_dui.txt": "san_diego_ca/news_da-issues-public-safety-warning-about-dangers-of-nitrous-oxide-related-duis.txt",
    "plumbing.txt": "san_diego_ca/news_1-million-in-restitution-ordered-from-plumbing-contractor.txt",
    "holidays.txt": "san_diego_ca/news_home-for-the-holidays-human-trafficking-operation-recovers-19-victims-in-three-"
                    "days.txt",
}
DALLAS = {  # Dallas County DA: the first fentanyl trial (headline names it), ODMAP (body names it)
    "fentanyl.txt": "dallas_tx/Assets_uploads_docs_district-attorney_press-release_2023_First_20Fentanyl_20Conviction_"
                    "pdf.txt",
    "odmap.txt": "dallas_tx/Assets_uploads_docs_district-attorney_press-release_2023_OD_20Map_20SB1319_20Press_20Release_"
                 "pdf.txt",
}


def _engine(tmp_path, files: dict[str, str], source: str, lines: dict[str, int] | None = None):
    """An engine over the named releases; `lines` keeps only the first lines of some (an excerpt)."""
    texts = {}
    for name, rel in files.items():
        path = PROSECUTORS / rel
        if not path.exists():
            pytest.skip(f"corpus file missing: {rel}")
        text = path.read_text(encoding="utf-8")
        if lines and name in lines:
            text = "\n".join(text.splitlines()[:lines[name]]) + "\n"
        texts[name] = text
    return engine_for(tmp_path, texts, source)


@pytest.fixture(scope="module")
def kings(tmp_path_factory):
    return _engine(tmp_path_factory.mktemp("kings"), KINGS, "kings_ny")


@pytest.fixture(scope="module")
def san_diego(tmp_path_factory):
    return _engine(tmp_path_factory.mktemp("sd"), SAN_DIEGO, "san_diego_ca")


@pytest.fixture(scope="module")
def dallas(tmp_path_factory):
    return _engine(tmp_path_factory.mktemp("dallas"), DALLAS, "dallas_tx")


def _texts(ans) -> list[str]:
    return [i.text for i in ans.items if hasattr(i, "text")]


def test_about_splits_name_from_topic():
    assert split_topic("Gonzalez about ghost guns") == ("Gonzalez", "ghost guns")
    assert split_topic("Eric Gonzalez ABOUT the GKN incident") == ("Eric Gonzalez", "the GKN incident")
    assert split_topic("Gonzalez") == ("Gonzalez", "")
    assert split_topic("about") == ("about", "")
    assert split_topic("Stephan about") == ("Stephan", "")
    assert split_topic("about ghost guns") == ("", "ghost guns")


def test_the_release_about_the_topic_comes_first(kings, san_diego):
    # Kings: the ghost-gun indictment, not the buyback that names ghost guns in passing
    ans = kings.ask("!quote Gonzalez about ghost guns")
    assert ans.found and _texts(ans)[0].startswith("This defendant allegedly acquired a massive arsenal")
    # San Diego: only the nitrous-oxide releases' quotations, none from the plumbing or trafficking ones
    ans = san_diego.ask("!quote Stephan about nitrous oxide")
    assert ans.found
    paths = {c.path.rsplit("/", 1)[-1] for c in ans.citations}
    assert paths <= {"nitrous_civil.txt", "nitrous_dui.txt"} and "nitrous_civil.txt" in paths


def test_prefix_and_slash_forms_reach_the_same_answer(kings, san_diego):
    for eng, name, topic in ((kings, "Gonzalez", "ghost guns"), (san_diego, "Stephan", "nitrous oxide")):
        prefix = eng.ask(f"!quote {name} about {topic}")
        typed_slash = eng.ask(f"/quote name:{name} topic:{topic}")
        spec = eng.registry.get("quote")
        slash = eng.run("quote", spec.line({"name": name, "topic": topic}))
        assert _texts(prefix) == _texts(typed_slash) == _texts(slash) and _texts(prefix)


def test_a_topic_without_a_name_gets_the_usage(kings):
    ans = kings.ask("!quote about ghost guns")
    assert not ans.found and ans.error == "usage" and "quote NAME about ghost guns" in ans.summary


def test_a_topic_no_release_of_theirs_is_about_says_so(san_diego):
    ans = san_diego.ask("!quote Stephan about ghost guns")  # San Diego: no ghost-gun release here
    assert not ans.found and "in no release about 'ghost guns'" in ans.summary and not ans.citations


def test_plain_quote_is_most_recent_first_and_says_how_to_narrow(san_diego):
    ans = san_diego.ask("!quote Stephan")  # San Diego: Stephan is quoted in all four releases
    dates = [c.date for c in ans.citations]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) >= 3
    assert "add `about TOPIC`" in ans.summary


def test_a_headline_naming_the_topic_outranks_a_passing_mention(tmp_path):
    no_headline = dataclasses.replace(WEIGHTS, quote_headline=0.0)
    # Kings: the release moving to vacate Paul Gatling's wrongful conviction, against a murder conviction
    # whose headline says "Convicted" (BM25 alone puts the murder case first)
    kings = _engine(tmp_path / "k", {
        "gatling.txt": "kings_ny/2016_05_10_brooklyn-district-attorney-moves-to-vacate-20th-wrongful-conviction.txt",
        "bystander.txt": "kings_ny/2016_01_28_brooklyn-man-convicted-of-killing-79-year-old-bystander-outside-"
                         "bedford-stuyvesant-barbershop.txt"}, "kings_ny")
    # Dallas: the first fentanyl trial (headline) against ODMAP (fentanyl in the body only)
    dallas = _engine(tmp_path / "d", DALLAS, "dallas_tx")
    for eng, name, topic, want, without in (
            (kings, "Thompson", "wrongful convictions", "gatling.txt", "bystander.txt"),
            (dallas, "Creuzot", "fentanyl", "fentanyl.txt", "fentanyl.txt")):
        snap = eng.store.snapshot
        person = [p for p in snap.entities.find(name).people if snap.entities.quotes_by_person.get(p.id)][0]
        quotes = snap.entities.quotes_by_person[person.id]

        def first(weights, snap=snap, quotes=quotes, topic=topic):
            top = rank_by_topic(snap, quotes, topic, weights)[0][1]
            return snap.corpus.releases[snap.corpus.paragraphs[top.pid].release_id].path.rsplit("/", 1)[-1]

        assert (first(WEIGHTS), first(no_headline)) == (want, without)


def test_the_quote_speaking_of_the_topic_comes_first(tmp_path, san_diego):
    no_paragraph = dataclasses.replace(WEIGHTS, quote_paragraph=0.0)
    # Dallas: Creuzot is quoted in every Expunction Expo release; BM25 on releases alone puts first a
    # quotation that never says "expunction" ("The Expo has grown each year")
    expos = {p.name: f"dallas_tx/{p.name}" for p in sorted((PROSECUTORS / "dallas_tx").glob("*xpunction*"))}
    dallas = _engine(tmp_path, expos, "dallas_tx")
    for eng, name, topic, word in ((dallas, "Creuzot", "expunction", "expunction"),
                                   (san_diego, "Stephan", "nitrous oxide", "nitrous oxide")):  # San Diego
        snap = eng.store.snapshot
        person = [p for p in snap.entities.find(name).people if snap.entities.quotes_by_person.get(p.id)][0]
        quotes = snap.entities.quotes_by_person[person.id]

        def first(weights, snap=snap, quotes=quotes, topic=topic):
            return snap.corpus.paragraphs[rank_by_topic(snap, quotes, topic, weights)[0][1].pid].text

        assert word in first(WEIGHTS).lower() and first(WEIGHTS) != first(no_paragraph)
        if eng is dallas:
            assert word not in first(no_paragraph).lower()
