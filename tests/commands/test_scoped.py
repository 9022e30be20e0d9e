"""What one server (a set of corpus roots), a reporter's filters or an embargo keeps out of an answer stays
out of every command, autocomplete and `also_in`. Two offices' verbatim paragraphs (Kings County NY,
San Diego County CA), in two corpus roots that share a topic (ghost guns) and a paragraph."""

from __future__ import annotations

import copy
from pathlib import Path

from bot.commands.engine import Engine
from bot.commands.scope import Scope
from bot.config import load_config
from bot.store import SnapshotStore
from tests.helpers import write_config

# Kings County DA (kings_ny), verbatim
KINGS = ("Brooklyn District Attorney Eric Gonzalez today announced the indictment of a Brooklyn man who allegedly "
         "purchased over $10,000 worth of gun parts online to build illegal, untraceable firearms known as ghost "
         "guns. Numerous completed guns and gun parts were allegedly recovered from his apartment.")
# San Diego County DA (san_diego_ca), verbatim
SAN_DIEGO = ("“Peace officers have an incredibly difficult job, and this case demonstrates how in an instant their "
             "lives can be in danger—in this instance from a suspect wielding a ghost gun,” said DA Stephan. “Our "
             "office is dedicated to prosecuting these types of crimes with the focus they deserve and to holding "
             "defendants accountable who would seek to harm officers.”")
SHARED_LINE = "Anyone with information is asked to call the Crime Stoppers tip line."


def _engine(tmp_path: Path) -> Engine:
    a, b = tmp_path / "newsroom_a" / "kings_ny", tmp_path / "newsroom_b" / "san_diego_ca"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    (a / "ghost.md").write_text(f"---\ntitle: Ghost guns indicted\ndate: 2022-05-01\n---\n{KINGS}\n\n{SHARED_LINE}\n",
                                encoding="utf-8")
    (a / "old.md").write_text(f"---\ntitle: Older ghost gun case\ndate: 2019-02-01\n---\n{KINGS} Again.\n",
                              encoding="utf-8")
    (b / "officers.md").write_text(f"---\ntitle: Suspect with a ghost gun\ndate: 2023-03-01\n---\n{SAN_DIEGO}\n\n"
                                   "Deputy District Attorney Marisol Ortega is prosecuting the case.\n\n"
                                   f"{SHARED_LINE}\n", encoding="utf-8")
    (b / "later.md").write_text("---\ntitle: Embargoed ghost gun verdict\nembargo: 2999-01-01T00:00:00Z\n---\n"
                                "A jury found the ghost gun maker guilty, said DA Stephan. Deputy District Attorney "
                                "Marcus Wellington prosecuted the zymurgical case.\n", encoding="utf-8")
    (b / "broken.md").write_text("---\ntitle: Broken embargo\nembargo: true\n---\n"
                                 "Detective Ilsa Quorn found the ghost gun.\n", encoding="utf-8")
    (b / "lifted.md").write_text("---\ntitle: Lifted embargo\nembargo: 2001-01-01T00:00:00Z\n---\n"
                                 "The ghost gun maker was sentenced today in Vista.\n", encoding="utf-8")
    cfg = load_config(write_config(tmp_path, [tmp_path / "newsroom_a", tmp_path / "newsroom_b"]))
    return Engine(SnapshotStore.open(cfg, use_cache=False))


def _rids(ans) -> set[str]:
    return {c.release_id for c in ans.citations} | {r for c in ans.citations for r in c.also_in}


def test_a_server_sees_only_its_roots_in_every_command(tmp_path):
    engine = _engine(tmp_path)
    only_a = Scope(roots=frozenset({"newsroom_a"}))
    for line in ("search ghost guns", "who Stephan", "quote Stephan", "cities ghost gun", "who Gonzalez"):
        command, _, arg = line.partition(" ")
        ans = engine.run(command, arg, scope=only_a)
        assert all(r.startswith("newsroom_a/") for r in _rids(ans)), (line, _rids(ans))
    assert not engine.run("who", "Stephan", scope=only_a).found
    assert engine.run("who", "Stephan").found  # the same question without the server's scope
    assert "Marisol Ortega" in str(engine.suggest("who", "Orteg"))  # the other root names her in full
    assert "Ortega" not in str(engine.suggest("who", "Orteg", scope=only_a))
    sources = engine.run("sources", "", scope=only_a)
    assert "san_diego_ca" not in str(sources.items) and "Stephan" not in sources.summary
    shared = engine.run("search", "Crime Stoppers tip line", scope=only_a)
    assert shared.found and all(r.startswith("newsroom_a/") for r in _rids(shared))


def test_filters_narrow_by_source_and_date(tmp_path):
    engine = _engine(tmp_path)
    ans = engine.ask("search ghost guns source:kings_ny since:2020")
    assert ans.found and {c.release_id for c in ans.citations} == {"newsroom_a/kings_ny/ghost"}
    assert "source: kings_ny" in ans.summary and "since 2020" in ans.summary
    bad = engine.ask("search ghost guns source:nowhere")
    assert not bad.found and bad.error == "bad_filter" and "no source called 'nowhere'" in bad.summary


def test_an_embargoed_release_is_in_no_answer_until_its_instant(tmp_path):
    engine = _engine(tmp_path)
    for line in ("search ghost gun maker guilty", "quote Stephan", "cities ghost gun maker", "who Wellington",
                 "search Ilsa Quorn"):
        assert "newsroom_b/san_diego_ca/later" not in _rids(engine.ask(line)), line
        assert "newsroom_b/san_diego_ca/broken" not in _rids(engine.ask(line)), line  # `embargo: true` holds it
    assert not engine.ask("who Wellington").found and not engine.ask("who Quorn").found
    assert "Wellington" not in str(engine.suggest("who", "Well"))  # autocomplete too
    # a word only the embargoed release uses is not revealed by the "no release uses the word" reply
    assert "zymurgical" not in engine.ask("search zymurgical case").summary.split("'")[2:]
    assert engine.ask("cities ghost gun since:2023").error is None  # a filtered view never crashes a command
    assert "newsroom_b/san_diego_ca/lifted" in _rids(engine.ask("search ghost gun maker sentenced"))


def test_a_view_is_kept_per_snapshot_scope_and_embargo_state(tmp_path):
    """With an embargo in force every query goes through a view. The view, with the tables commands derive
    on it, is kept for its snapshot, scope and embargoes still held, so later queries reuse them (as
    unscoped queries reuse the snapshot's); a lifted embargo, another scope or a reload gets its own."""
    from bot.commands.scoped import scoped
    from bot.snapshot import headline_titles

    engine = _engine(tmp_path)
    first = engine.view()
    assert first is not engine.store.snapshot  # the embargo is in force: a restricted view
    engine.ask("cities ghost gun")
    engine.ask("quote Stephan")
    assert engine.view() is first
    own = headline_titles(engine.view())  # read from the releases the view sees: the view's own table ...
    assert own is not headline_titles(engine.store.snapshot)
    assert headline_titles(engine.view()) is own  # ... derived once, and it lives on with the view
    assert engine.view(Scope(roots=frozenset({"newsroom_a"}))) is not first
    later = scoped(engine.store.snapshot, Scope(now="3000-01-01T00:00:00+00:00"))  # the embargo has lifted
    assert later is not first and "newsroom_b/san_diego_ca/later" in later.corpus.releases
    assert "newsroom_b/san_diego_ca/later" not in engine.view().corpus.releases
    engine.store.reload("test")
    assert engine.view() is not first and engine.view() is engine.view()


# San Diego County DA (san_diego_ca), verbatim: the same person titled and quoted in other words
SAN_DIEGO_FRAUD = ("“Ripping off hard working families won’t be tolerated in San Diego County,” said District "
                   "Attorney Summer Stephan. “We’re here to help protect the benefits seniors have earned after a "
                   "lifetime of hard work and sacrifice.”")
ORTEGA = "Deputy District Attorney Marisol Ortega is prosecuting the case."


def test_the_precomputed_answers_show_a_view_only_its_releases(tmp_path):
    """who's ranked evidence and quote's grouped quotations are computed once over the whole snapshot; a
    view (a date filter here, a server's roots or an embargo alike) answers from them exactly as from tables
    computed afresh over the releases it sees. One San Diego County DA release a year."""
    from bot.commands.quote import quote
    from bot.commands.scoped import scoped
    from bot.commands.scoped_people import restrict_person
    from bot.commands.who import who
    from bot.people.citations import PersonTable
    from bot.people.person import Person
    from bot.people.quotations import QuoteTable

    folder = tmp_path / "newsroom" / "san_diego_ca"
    folder.mkdir(parents=True)
    for name, year, body in (("officers", "2022", f"{SAN_DIEGO}\n\n{ORTEGA}"),
                             ("fraud", "2023", f"{SAN_DIEGO_FRAUD}\n\n{SAN_DIEGO}")):
        (folder / f"{name}.md").write_text(f"---\ntitle: Ghost gun case {name}\ndate: {year}-03-01\n---\n{body}\n",
                                           encoding="utf-8")
    engine = Engine(SnapshotStore.open(load_config(write_config(tmp_path, [tmp_path / "newsroom"])),
                                       use_cache=False))
    snap = engine.store.snapshot
    owner = snap.corpus.paragraphs.release_ids
    stephan = next(p for p in snap.entities.people if p.last == "Stephan")
    ranked = snap.person_table.ranked(stephan, snap.person_table.facts_of(stephan, []).roles)
    years = {"newsroom/san_diego_ca/officers": "2022", "newsroom/san_diego_ca/fraud": "2023"}
    assert {years[owner[pid]] for group in ranked for pid, _t in group} == {"2022", "2023"}
    told = snap.quote_table.most_recent_first(stephan.id, snap.entities.quotes_by_person[stephan.id], owner,
                                              snap.corpus.releases)
    assert {years[owner[q.pid]] for group in told for q in group} == {"2022", "2023"}
    paras = snap.corpus.paragraphs
    for scope, year in ((Scope(since="2023"), "2023"), (Scope(until="2022"), "2022")):
        view = scoped(snap, scope)
        allowed = set(view.corpus.releases)
        afresh = copy.copy(view)  # the same view, its tables computed from what it sees alone
        people = [restrict_person(p, owner, allowed, paras.texts) or Person(p.id, p.first, p.last, p.source)
                  for p in snap.entities.people]
        afresh.person_table = PersonTable(people, paras.texts, owner, paras.numbers, snap.corpus.releases)
        quotes = {p: view.entities.quotes_by_person.get(p, []) for p in snap.entities.quotes_by_person}
        afresh.quote_table = QuoteTable(quotes, paras.texts, owner, snap.corpus.releases)
        for command, answer in (("who", who), ("quote", quote)):
            seen = answer(view, "Stephan", 5)
            assert seen.found and {years[r] for r in _rids(seen)} == {year}, (command, year, _rids(seen))
            assert seen.to_dict() == answer(afresh, "Stephan", 5).to_dict(), (command, year)
    assert len(engine.run("who", "Stephan").citations) == 2  # unscoped: both releases


# Kings County DA (kings_ny), verbatim: the District Attorney by surname alone
KINGS_SURNAME = ("District Attorney Gonzalez said, “Rather than walk away from a fight, this defendant instead chased "
                 "after the victim and fatally stabbed him in the chest. He will now spend many years behind bars as "
                 "a consequence of his actions.”")


def test_a_server_sees_a_person_named_only_as_its_own_releases_name_them(tmp_path):
    """Two servers hold releases of the same offices: server A's name the District Attorneys in full
    ('Brooklyn District Attorney Eric Gonzalez', 'District Attorney Summer Stephan'), server B's by
    surname alone. B's answers, autocomplete and lookups never show a given name only A prints.
    Kings County DA (kings_ny) and San Diego County DA (san_diego_ca), verbatim."""
    for root, office, name, text in (("newsroom_a", "kings_ny", "full", KINGS),
                                     ("newsroom_a", "san_diego_ca", "full", SAN_DIEGO_FRAUD),
                                     ("newsroom_b", "kings_ny", "surname", KINGS_SURNAME),
                                     ("newsroom_b", "san_diego_ca", "surname", SAN_DIEGO)):
        folder = tmp_path / root / office
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.md").write_text(f"---\ntitle: {office} {name}\ndate: 2023-03-01\n---\n{text}\n",
                                           encoding="utf-8")
    engine = Engine(SnapshotStore.open(load_config(write_config(tmp_path, [tmp_path / "newsroom_a",
                                                                          tmp_path / "newsroom_b"])), use_cache=False))
    only_b = Scope(roots=frozenset({"newsroom_b"}))
    from bot.newsroom import describe  # the reply to an upload names the people as the server's releases do
    upload = tmp_path / "newsroom_b" / "kings_ny" / "surname.md"
    added = describe(engine.store.snapshot, upload, roots=only_b.roots)
    assert added and "Gonzalez" in added[0].detail and "Eric" not in added[0].detail
    assert "Eric Gonzalez" in describe(engine.store.snapshot, upload)[0].detail  # (all roots: the full name)
    for surname, given in (("Gonzalez", "Eric"), ("Stephan", "Summer")):
        whole = engine.run("who", surname)
        assert whole.found and given in whole.items[0].name  # the whole corpus knows the given name
        for command in ("who", "quote"):
            seen = engine.run(command, surname, scope=only_b)
            assert seen.found, (command, surname)
            assert all(r.startswith("newsroom_b/") for r in _rids(seen))
            assert given not in str(seen.to_dict()), (command, surname)
        assert given not in str(engine.suggest("who", surname[:4], scope=only_b))
        assert not engine.suggest("who", given, scope=only_b)  # the given name finds nobody there ...
        assert not engine.run("who", f"{given} {surname}", scope=only_b).found  # ... nor the full name,
        for typed in (f"DA {given} {surname}", f"District Attorney {given} {surname}", f"{given} {surname},",
                      f"{given}k {surname}", f"{given} {surname[:-1]}s"):  # a title, a comma, a misspelling
            assert not engine.run("who", typed, scope=only_b).found, typed
            assert not engine.run("quote", typed, scope=only_b).found, typed
        for typed in (f"DA {surname}", f"{surname[:-1]}s"):  # the surname the server prints, misspelt too
            assert engine.run("who", typed, scope=only_b).found, typed
        assert engine.run("who", f"{given} {surname}", scope=Scope(roots=frozenset({"newsroom_a"}))).found
