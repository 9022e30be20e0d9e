"""The parallel build reads and cleans exactly what the serial one does (releases, paragraphs, report)."""

from __future__ import annotations

from bot.ingest import corpus as corpus_module
from bot.ingest.corpus import load_corpus


def test_parallel_and_serial_loads_are_identical(sample_dir, monkeypatch):
    serial = load_corpus([sample_dir], workers=1)
    monkeypatch.setattr(corpus_module, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(corpus_module, "_CHUNK", 7)  # many small tasks, finishing out of order
    parallel = load_corpus([sample_dir], workers=2)
    assert parallel.releases == serial.releases
    assert parallel.paragraphs.texts == serial.paragraphs.texts
    assert parallel.paragraphs.release_ids == serial.paragraphs.release_ids
    assert parallel.index_pids == serial.index_pids and parallel.copies == serial.copies
    a, b = parallel.report.to_dict(), serial.report.to_dict()
    a.pop("seconds"), b.pop("seconds")
    assert a == b and len(serial.releases) > 40
