"""What a corpus load saw, kept and dropped: shown by `pressbot index` and after a reload."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LoadReport:
    """What a load saw, kept and dropped; shown by `pressbot index` and after a reload."""

    files_seen: int = 0
    releases: int = 0
    paragraphs: int = 0
    duplicate_paragraphs: int = 0
    boilerplate_lines: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    identical_files: list[tuple[str, str]] = field(default_factory=list)  # (copy, the file kept)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "files_seen": self.files_seen, "releases": self.releases, "paragraphs": self.paragraphs,
            "duplicate_paragraphs": self.duplicate_paragraphs, "boilerplate_lines": self.boilerplate_lines,
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "problems": [{"file": f, "problem": p} for f, p in self.problems],
            "identical_files": [{"file": f, "same_as": k} for f, k in self.identical_files],
            "seconds": round(self.seconds, 3),
        }
