"""A paragraph that several releases print word for word is one search result, not one per release: the
citation names the other releases (`also_in`) and the freed places go to other answers
(bot/commands/search.py, `_answering`). Verbatim excerpts from two offices: Dallas County DA (dallas_tx, the
2021 and 2023 Benjamin Spencer releases, PDF lines re-joined) and Orange County DA (orange_ca, the 2012 and
2013 curfew-sweep releases and the 2008 Anaheim curfew release)."""

from __future__ import annotations

import pytest

from tests.helpers import engine_for

# Dallas (dallas_tx): printed in both 031021-PR-Wrongful-Conviction and 2023 Ben Spencer Exoneration
DALLAS_SHARED = (
    "Though no physical evidence implicated them in the offense, Spencer and Mitchell were arrested. Shortly "
    "after Spencer’s arrest, a jailhouse informant named Danny Edwards told police that Spencer had confessed to "
    "him regarding the abduction, robbery and murder of the complainant.")
DALLAS_2021 = ("The post-conviction investigation found that Oliver gave false testimony during trial about whether "
               "she received or expected to receive up to $25,000 in reward money.")
DALLAS_2023 = ("Another witness, Jimmie Cotton, testified that he saw Spencer get out of Young’s car though he "
               "actually didn’t see that. And Edwards, the jailhouse informant, admitted that he falsely testified "
               "at trial that Spencer had confessed to the crime while they were incarcerated in Dallas County.")
# Orange (orange_ca): printed in both net-26-juveniles (2012) and net-29-juveniles (2013)
ORANGE_SHARED = (
    "Last night and early this morning, officers patrolled Orange County cities and unincorporated areas for "
    "children ages 17 and under out in public past curfew, in violation of city laws. Curfews in Orange County "
    "begin at 10:00 p.m. or 11:00 p.m., depending on the city, and last until 5:00 a.m. the following day.")
# Orange (orange_ca): press_law-enforcement-aims-to-keep-kids-in-school (2008)
ORANGE_ANAHEIM = (
    "The curfew laws in the City of Anaheim Municipal Code (7.12.030) prohibit minors from being out in public "
    "places, including playing in the street between 10:00 p.m. and 5:00 a.m. the following day, unless they "
    "are accompanied by a parent.")


@pytest.fixture()
def engine(tmp_path):
    return engine_for(tmp_path, {
        "dallas-spencer-2021.txt": f"Wrongful Conviction\n\n{DALLAS_SHARED}\n\n{DALLAS_2021}\n",
        "dallas-spencer-2023.txt": f"Ben Spencer Exoneration\n\n{DALLAS_2023}\n\n{DALLAS_SHARED}\n",
        "orange-curfew-2012.txt": f"LAW ENFORCEMENT NET 26 JUVENILES\n\n{ORANGE_SHARED}\n",
        "orange-curfew-2013.txt": f"LAW ENFORCEMENT NET 29 JUVENILES\n\n{ORANGE_SHARED}\n",
        "orange-anaheim-2008.txt": f"LAW ENFORCEMENT AIMS TO KEEP KIDS IN SCHOOL\n\n{ORANGE_ANAHEIM}\n",
    })


@pytest.mark.parametrize(("query", "copies"), [
    ("jailhouse informant Danny Edwards told police Spencer confessed", {"dallas-spencer-2021", "dallas-spencer-2023"}),
    ("when do curfews in Orange County begin", {"orange-curfew-2012", "orange-curfew-2013"}),
])
def test_a_paragraph_printed_twice_is_one_result_naming_the_other(engine, query, copies):
    ans = engine.ask(f"!search {query}")
    assert ans.found, ans.summary
    texts = [c.text for c in ans.citations]
    assert len(texts) == len(set(texts))  # no words shown twice
    first = ans.citations[0]
    cited = {first.release_id.split("/")[-1]} | {r.split("/")[-1] for r in first.also_in}
    assert cited == copies


def test_the_freed_place_goes_to_another_release(engine):
    # Orange: three releases answer, two of them with the same words: two results, each release named once
    ans = engine.ask("!search curfew hours for minors 10 p.m. to 5 a.m.")
    shown = [c.release_id.split("/")[-1] for c in ans.citations]
    named = shown + [r.split("/")[-1] for c in ans.citations for r in c.also_in]
    assert len(shown) == 2 and "orange-anaheim-2008" in shown
    assert sorted(named) == ["orange-anaheim-2008", "orange-curfew-2012", "orange-curfew-2013"]


def test_a_copy_is_read_from_its_first_printing_with_the_words_its_own_text_holds(engine):
    """The passage reader takes a copy's words from the index row of its first printing (the copy has no
    row of its own): they must be the words its own text gives. Dallas (the Spencer releases) and Orange
    (the curfew sweeps): in each pair the second release's shared paragraph is the copy."""
    from bot.commands.passage import _containing
    from bot.snapshot import copy_roots

    snap = engine.store.snapshot
    roots = copy_roots(snap)
    texts = snap.corpus.paragraphs.texts
    copied = sorted(roots)
    assert {snap.corpus.paragraphs.release_ids[p].split("/")[-1] for p in copied} == {
        "dallas-spencer-2023", "orange-curfew-2013"}
    terms = sorted({t for p in copied for t in snap.tokenizer.document(texts[p])} | {"anaheim", "oliver"})
    for pid in copied:
        rid = snap.corpus.paragraphs.release_ids[pid]
        pids = [p.pid for p in snap.paragraphs_of(rid)]
        held = _containing(snap, pids, terms)
        for p in pids:  # the copy and the release's own paragraphs alike
            assert held[p] == set(snap.tokenizer.document(texts[p])) & set(terms)
        assert held[pid]  # (the copy holds words: the check above is not vacuous)
