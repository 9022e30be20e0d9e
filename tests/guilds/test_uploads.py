"""Uploads are checked before anything is written: each bad one refused with its reason, nothing changed."""

from __future__ import annotations

import pytest

from bot.uploads import Refused, check, safe_name, save, trash

GOOD = b"---\ntitle: Harbor bridge reopens\ndate: 2024-05-01\n---\nMayor Ann Lee said the harbor bridge reopened.\n"
HOSTILE_HTML = (b"<html><head><title>Court ruling</title><script>alert('owned'); stealCookies()</script></head>"
                b"<body><article><h1>Court ruling</h1><p>District Attorney Maria Garcia said the court upheld "
                b"the conviction of a man who sold ghost guns in Alphaville, a ruling the office welcomed.</p>"
                b"<p>The defendant faces sentencing in June before Judge Amy Stone in the county court.</p>"
                b"<script>document.write('injected')</script></article></body></html>")


@pytest.mark.parametrize("name, data, reason", [
    ("../../x.txt", GOOD, "has folders in it"),
    ("..\\..\\x.txt", GOOD, "has folders in it"),
    ("big.txt", b"a" * 50_000_001, "over the 20 MB limit"),
    ("photo.txt", bytes(range(256)) * 40, "binary data"),
    ("empty.md", b"", "empty (0 bytes)"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", ""),
    ("fake.pdf", b"hello, not a pdf", "not a PDF"),
    ("tool.exe", b"MZ", "not one pressbot reads"),
    ("noext", GOOD, "no file type"),
])
def test_bad_uploads_are_refused_with_a_reason(name, data, reason):
    with pytest.raises(Refused) as e:
        check(name, data, max_mb=20)
    assert reason in str(e.value)


def test_html_scripts_are_not_indexed_text():
    checked = check("ruling.html", HOSTILE_HTML, max_mb=20)
    from pathlib import Path

    from bot.ingest.formats import read_file

    text = " ".join(d.text for d in read_file(Path(checked.name), checked.data, []))
    assert "Maria Garcia" in text and "alert" not in text and "stealCookies" not in text and "injected" not in text


def test_safe_names_and_no_overwrite(tmp_path):
    assert safe_name("Press Release (final).MD") == "Press_Release_final.md"
    up = check("a.md", GOOD, 20)
    first = save(tmp_path, up)
    with pytest.raises(Refused, match="already exists"):
        save(tmp_path, up)
    assert save(tmp_path, up, replace=True) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]  # no temporary file left behind
    moved = trash(tmp_path, first)
    assert moved.parent.name == ".trash" and not first.exists()
    with pytest.raises(Refused):
        trash(tmp_path / "sub", moved)
