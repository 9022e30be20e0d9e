"""A much-named official does not hold the case roles of a namesake's sentences: they move to a person of
their own (bot/people/merge.py::split_case_roles). Verbatim excerpts from two offices (Kings County NY,
Orange County CA); the thresholds are lowered to this two-release corpus's size."""

from __future__ import annotations

from bot.people.merge import split_case_roles
from tests.helpers import engine_for

# Kings County DA (kings_ny): the DA's lede and the defendant who shares his surname, same release
KINGS = (
    "Man Sentenced to 25 Years to Life in Prison for Killing Girlfriend\n\n"
    "Brooklyn District Attorney Eric Gonzalez today announced that an upstate New York man has been sentenced "
    "to 25 years to life in prison for killing his girlfriend, dismembering her body, and throwing it in the "
    "garbage so he could collect her Social Security benefits.\n\n"
    "District Attorney Gonzalez said, “Today’s sentence ensures that this defendant now faces serious "
    "consequences for this shockingly heartless and depraved murder of an innocent woman.”\n\n"
    "The District Attorney identified the defendant as Ricky Gonzalez, 39, of Beacon, New York.\n")
# Orange County DA (orange_ca): a defendant whose only titles are his case's
ORANGE = (
    "Third-Striker Parolee Convicted\n\nSANTA ANA – A third-striker parolee was convicted today of murdering a "
    "21-year-old woman by strangling her to death in his recreational vehicle (RV). Ean Keith Brown, 41, was "
    "found guilty by a jury of one felony count of second degree murder. The defendant has two prior strike "
    "convictions.\n\nVictim Dolores “Arias” Fagan, 21, was staying with relatives who lived on the same street "
    "as the defendant.\n")


def test_an_official_keeps_no_defendant_role_and_the_namesake_gets_it(tmp_path):
    snap = engine_for(tmp_path, {"kings.txt": KINGS, "orange.txt": ORANGE}).store.snapshot
    people = list(snap.entities.people)
    quotes = [q for qs in snap.entities.quotes_by_person.values() for q in qs]
    before = {p.id: set(p.titles) for p in people}
    out, _ = split_case_roles(people, quotes, snap.corpus.paragraphs.release_ids, snap.corpus.paragraphs.texts,
                              ratio=1, minimum=1)
    da = [p for p in out if "Brooklyn District Attorney" in p.titles]
    assert len(da) == 1 and not {"defendant", "victim"} & {t.casefold() for t in da[0].titles}
    assert "defendant" in before[da[0].id]  # the namesake's sentence was read onto the DA's record ...
    namesakes = [p for p in out if p.last == "Gonzalez" and p is not da[0]]
    assert len(namesakes) == 1 and "Ricky Gonzalez" in namesakes[0].names  # ... and moves, with his description
    assert {"defendant", "39, of Beacon"} <= set(namesakes[0].titles) and "Ricky Gonzalez" not in da[0].names
    # Orange: a defendant with no official title is left as it is
    brown = next(p for p in out if p.last == "Brown")
    assert "defendant" in brown.titles and len(out) == len(people) + 1
