"""Resolving a quotation's speaker to a person of the release (whole real releases)."""

from __future__ import annotations

import pytest

from tests.helpers import PROSECUTORS, engine_for

# Kings County: the widow of DA Ken Thompson is quoted as 'Mrs. Thompson said, “…' in two releases that
# name her once as 'Mrs. Lu-Shawn Thompson' and name Ken Thompson more often.
KINGS = ("kings_ny/2017_02_08_suits-owned-by-late-district-attorney-ken-thompson-donated-to-assist-recently-"
         "released-prisoners-seeking-empl.txt",
         "kings_ny/2019_09_10_brooklyn-district-attorney-eric-gonzalez-announces-opening-of-the-kenneth-p-thompson-"
         "boutique-located-at-the-.txt")
# Kings County: 'Mr. Livingston said' in the second release, which names 'Kevin Livingston' without one.
# Dallas: 'DA Creuzot said' with a title, not an honorific: the release's one Creuzot, as before.
DALLAS = ("dallas_tx/Assets_uploads_docs_district-attorney_press-release_2023_First_20Fentanyl_20Conviction_pdf.txt",)


def _engine(tmp_path, rels, source):
    texts = {}
    for rel in rels:
        path = PROSECUTORS / rel
        if not path.exists():
            pytest.skip(f"corpus file missing: {rel}")
        texts[path.name] = path.read_text(encoding="utf-8")
    return engine_for(tmp_path, texts, source)


def _openings(eng, name):
    return [" ".join(i.text.split()[:4]) for i in eng.ask(f"!quote {name}").items if hasattr(i, "text")]


def test_an_honorific_and_surname_is_the_person_the_release_names_with_that_honorific(tmp_path):
    eng = _engine(tmp_path, KINGS, "kings_ny")
    widow = _openings(eng, "Lu-Shawn Thompson")
    assert "My husband, the late" in widow and "My husband would be" in widow
    assert not any(o.startswith("My husband") for o in _openings(eng, "Ken Thompson"))
    assert "We are proud to" in _openings(eng, "Kevin Livingston")  # 'Mr. Livingston': no honorific named


def test_a_title_and_surname_still_resolve_to_the_releases_full_name(tmp_path):
    eng = _engine(tmp_path, DALLAS, "dallas_tx")
    assert any(o.startswith("This significant sentencing") for o in _openings(eng, "John Creuzot"))
