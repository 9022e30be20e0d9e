"""search on real releases: the lede wins a near tie, and a long query answered by a release as a whole
is not refused because no single paragraph holds all of it."""

from __future__ import annotations

import pytest

from bot.commands.engine import Engine
from bot.config import load_config
from bot.store import SnapshotStore
from tests.helpers import PROSECUTORS, engine_for, write_config

DANCER = "Assets_uploads_docs_district-attorney_press-release_2025_Diance_20Dancer_20Press_20Release_pdf.txt"
RIFLE = "2016_02_10_serial-killer-convicted-of-murdering-three-brooklyn-shopkeepers.txt"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    if not (PROSECUTORS / "dallas_tx" / DANCER).exists():
        pytest.skip("real corpus not found")
    root = tmp_path_factory.mktemp("search")
    for county, named in (("dallas_tx", DANCER), ("kings_ny", RIFLE)):
        (root / county).mkdir()
        files = sorted((PROSECUTORS / county).glob("*.txt"))
        for f in files[:: max(1, len(files) // 40)] + [PROSECUTORS / county / named]:
            (root / county / f.name).write_bytes(f.read_bytes())
    return Engine(SnapshotStore.open(load_config(write_config(root, [root])), use_cache=False))


def test_the_lede_answers_a_near_tie(engine):
    ans = engine.ask("!search Autumn Leaves senior living facility business manager stole rent payments")
    first = ans.citations[0]
    assert first.path.endswith(DANCER)
    assert "the former business manager of the Autumn Leaves senior living facility" in first.text


def test_a_release_answering_a_long_query_as_a_whole_is_found(engine):
    ans = engine.ask("!search same .22-caliber rifle used to kill three shopkeepers Bay Ridge Bensonhurst Flatbush")
    assert ans.found and ans.citations[0].path.endswith(RIFLE)
    assert "rifle" in ans.citations[0].text


def test_words_found_nowhere_are_still_refused(engine):
    ans = engine.ask("!search zorblatt quintessential marblethorpe")
    assert not ans.found and not ans.citations


def test_whole_release_floor_on_a_query_spread_over_paragraphs(tmp_path):
    """Twelve rare words, three per paragraph of one release: no paragraph reaches the relevance floor
    alone, the release does as a whole, so it is found; the same words scattered over unrelated
    releases are not."""
    words = "alder birch cedar dogwood elm fir ginkgo hazel ironwood juniper kapok larch".split()
    files = {f"filler{i}.txt": f"Board meeting {i}\n\n" + "".join(
        f"The county board met on day {i}-{j} to discuss the budget and the schedule.\n\n" for j in range(6))
        for i in range(30)}
    paras = [f"Investigators found {' and '.join(words[k:k + 3])} wood at the scene of the old barn fire today."
             for k in range(0, 12, 3)]
    files["target.txt"] = "Arson case\n\n" + "\n\n".join(paras) + "\n"
    scattered = ["maple", "oak", "pine", "spruce"]
    files |= {f"scatter{k}.txt": f"Notice {k}\n\nA {w} tree was planted by the library.\n"
              for k, w in enumerate(scattered)}
    eng = engine_for(tmp_path, files)
    ans = eng.ask("!search " + " ".join(words))
    assert ans.found and ans.citations[0].path.endswith("target.txt")
    assert not eng.ask("!search " + " ".join(scattered) + " zorblatt quibble marblethorpe snark").found


BASSIER = ["2015_10_14_eight-defendants-indicted-for-trafficking-weapons-across-state-lines-guns-purchased-in-georgia-and-pennsylvan.txt",
           "2016_08_31_firearms-trafficker-pleads-guilty-to-purchasing-guns-in-georgia-and-pennsylvania-busing-them-to-new-york-to-s.txt",
           "2016_09_16_firearms-trafficker-sentenced-to-17-years-in-state-prison-for-purchasing-guns-in-georgia-and-pennsylvania-bus.txt"]


def test_a_quotation_repeated_in_later_releases_cites_its_first_telling(tmp_path):
    """Kings printed Bassier's intercepted words in the indictment release ('…,” Bassier allegedly said')
    and again at his plea and sentencing: one quotation, cited where it first appeared, the rest named."""
    if not all((PROSECUTORS / "kings_ny" / name).exists() for name in BASSIER):
        pytest.skip("real corpus not found")
    eng = engine_for(tmp_path, {n: (PROSECUTORS / "kings_ny" / n).read_text(encoding="utf-8") for n in BASSIER},
                     source="kings_ny")
    ans = eng.ask("!quote Bassier")
    selling = [i for i in ans.items if i.text.startswith("I’m selling them the right way")]
    assert len(selling) == 1
    c = ans.citations[selling[0].citation]
    assert c.path.endswith(BASSIER[0]) and c.date == "2015-10-14"
    assert sorted(c.also_in) == [f"kings_ny/{n[:-4]}" for n in BASSIER[1:]]
