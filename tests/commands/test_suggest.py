"""Autocomplete: people only, surnames first, labels that tell namesakes apart, values Discord can send."""

from __future__ import annotations

from bot.commands.suggest import Choice
from tests.helpers import engine_for

RELEASES = {
    "a.txt": "Deputy sentenced\nInvestigator Doug Garrison of the county said the case was closed.\n",
    "b.txt": "Fraud plea\nDeputy District Attorney Drew Garrison prosecuted the case, Garrison said.\n",
    "c.txt": "Program grows\nDeputy District Attorney Heidi Garrel said the program grew.\n",
    "d.txt": "Program grows more\nDeputy District Attorney Heidi Garrel said the program grew again.\n",
    "e.txt": "Victim speaks\nThe victim, identified as Jane Doe, a 30-year-old woman, testified.\n",
    "f.txt": "Appeal\nDefense attorney Adam Garrett, a lawyer, said he would appeal.\n",
}


def test_people_surnames_first_namesakes_together_and_no_placeholders(tmp_path):
    engine = engine_for(tmp_path, RELEASES)
    got = engine.suggest("who", "Garr")
    names = [str(c) for c in got]
    assert names[:2] == ["Doug Garrison", "Drew Garrison"], names
    assert "Heidi Garrel" in names
    assert all(isinstance(c, Choice) and c.label.startswith(f"{c} — ") for c in got)
    drew = next(c for c in got if c == "Drew Garrison")
    assert drew.label == "Drew Garrison — Deputy District Attorney · 1 release"
    assert "Jane Doe" not in engine.suggest("who", "Jane") + engine.suggest("who", "Doe")


def test_headline_fragments_are_not_people(tmp_path):
    releases = {f"t{i}.txt": f"Case {i} sentenced\nOrange County District Attorney Todd Spitzer said the sentence "
                             f"in case {i} was just. The issues were many.\n" for i in range(8)}
    releases |= {f"h{i}.txt": f"Spitzer Issues Statement on Verdict {i}\nDistrict Attorney Spitzer Issues Statement "
                              f"on the verdict in case {i}. The issues remain.\n" for i in range(3)}
    engine = engine_for(tmp_path, releases)
    # the headline's verb is folded into the person (bot/people/merge.py::merge_headline_words): the index
    # holds no 'Spitzer Issues', and the headlines' releases are his
    assert "Spitzer Issues" not in engine.store.snapshot.entities.suggest("Spitzer", 25)
    got = engine.suggest("who", "Spitzer")
    assert [str(c) for c in got] == ["Todd Spitzer"]
    assert got[0].label == "Todd Spitzer — Orange County District Attorney · 11 releases"


def test_topic_values_are_full_titles_or_release_references(sample_engine):
    choices = sample_engine.suggest("cities", "trafficking") + sample_engine.suggest("search", "restitution")
    assert choices
    titles = {r.title for r in sample_engine.store.snapshot.corpus.releases.values()}
    for c in choices:
        assert len(c) <= 100 and len(c.label) <= 100
        assert str(c) in titles or c.startswith("#r"), c  # never a truncated title
    long = [c for c in choices if c.startswith("#r")]
    for c in long:  # the engine answers a reference as the release's full title
        ans = sample_engine.run("search", str(c))
        assert ans.query != str(c)



PREFIXES = ("Gar", "Smi", "Joh", "Wil", "Bro", "Jon", "Dav", "Mil", "Tho", "And", "Gon", "Rod", "Mar", "Lop",
            "Mor", "Cre", "Spi", "Ste", "Ngu", "Kim")


def test_no_autocomplete_choice_is_a_headline_fragment_on_real_releases(sample_engine):
    """The top 25 for 20 common surname prefixes, over real releases of the four offices: every choice is
    a person the index holds with a given name, and no name word is a word those releases print in lower
    case (a headline read as a name: 'Spitzer Issues', 'Settles Lawsuit') unless the text introduces that
    full name with an appositive ('William Power, the District Attorney’s Chief Information Officer,': a
    surname that is also a word), which no headline does."""
    snap = sample_engine.store.snapshot
    people = {p.name for p in snap.entities.people if p.first}
    texts = snap.corpus.paragraphs.texts
    lower = {w for t in texts for w in t.split() if w.isalpha() and w.islower()}
    shown = 0
    for prefix in PREFIXES:
        for choice in sample_engine.suggest("who", prefix, 25):
            assert str(choice) in people, (prefix, choice)
            if any(w.lower() in lower for w in str(choice).split()[1:]):
                assert any(f"{choice}, the " in t or f"{choice}, a " in t for t in texts), (prefix, choice)
            shown += 1
    assert shown > 20
