"""What a reload or an incremental update changed: the result every reload reply is drawn from."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.snapshot import Snapshot


@dataclass
class ReloadResult:
    """What changed between the old and new snapshot."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    releases: int = 0
    paragraphs: int = 0
    paragraphs_before: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    cache_problem: str | None = None  # the snapshot could not be saved: the next start rebuilds
    titles: dict[str, str] = field(default_factory=dict)  # release id -> title, for the ids listed above
    roots: dict[str, str] = field(default_factory=dict)  # release id -> its corpus root, for the same ids
    # corpus root -> (releases, paragraphs) after and before, so a server's reply counts only its corpora
    per_root: dict[str, tuple[int, int]] = field(default_factory=dict)
    per_root_before: dict[str, tuple[int, int]] = field(default_factory=dict)
    incremental: bool = False  # applied by an incremental update (bot/incremental.py), not a rebuild
    rebuilt: str | None = None  # why a change given as files was applied by a full rebuild instead
    steps: dict[str, float] = field(default_factory=dict)  # an incremental update's seconds per step

    def to_dict(self) -> dict:
        return {"added": self.added, "removed": self.removed, "changed": self.changed,
                "releases": self.releases, "paragraphs": self.paragraphs,
                "paragraphs_before": self.paragraphs_before,
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped], "seconds": round(self.seconds, 2),
                "cache_problem": self.cache_problem, "incremental": self.incremental, "rebuilt": self.rebuilt}


def diff(old: Snapshot, new: Snapshot, only: set[str] | None = None) -> ReloadResult:
    """What changed between two snapshots; `only`: the releases that may differ (an incremental update's),
    so the others are not compared."""
    def body(s: Snapshot, rid: str) -> int:
        return hash(tuple(p.text for p in s.paragraphs_of(rid)))

    o, n = old.corpus.releases, new.corpus.releases
    if only is None:
        added, removed = sorted(set(n) - set(o)), sorted(set(o) - set(n))
        changed = [r for r in n if r in o and body(old, r) != body(new, r)]
    else:
        added, removed = sorted(r for r in only if r in n and r not in o), sorted(r for r in only if r in o and r not in n)
        changed = [r for r in only if r in n and r in o and (body(old, r) != body(new, r) or o[r] != n[r])]
    return ReloadResult(added=added, removed=removed, changed=sorted(changed),
                        releases=len(n), paragraphs=new.report.paragraphs,
                        paragraphs_before=old.report.paragraphs, skipped=list(new.report.skipped),
                        seconds=new.report.seconds,
                        titles={rid: (n.get(rid) or o[rid]).title for rid in (set(n) ^ set(o)) | set(changed)},
                        roots={rid: (n.get(rid) or o[rid]).root for rid in (set(n) ^ set(o)) | set(changed)},
                        per_root=root_counts(new), per_root_before=root_counts(old))


def root_counts(snap: Snapshot) -> dict[str, tuple[int, int]]:
    """Corpus root -> (releases, paragraphs) in a snapshot."""
    out: dict[str, tuple[int, int]] = {}
    ranges = snap._ranges()
    for rid, rel in snap.corpus.releases.items():
        r, p = out.get(rel.root, (0, 0))
        lo, hi = ranges.get(rid, (0, 0))
        out[rel.root] = (r + 1, p + hi - lo)
    return out


def touched_releases(new: Snapshot, old: Snapshot) -> set[str]:
    """The releases an incremental update may have changed: those of the files it read."""
    led = new.corpus.ledger
    before = old.corpus.ledger
    if led is None or before is None:
        return set(new.corpus.releases) | set(old.corpus.releases)
    changed = [p for p, f in led.files.items() if before.files.get(p) is not f]
    changed += [p for p in before.files if p not in led.files]
    return {d.release_id for p in changed for rec in (led.files.get(p), before.files.get(p)) if rec
            for d in rec.docs if d.release_id}
