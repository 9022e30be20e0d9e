"""A snapshot: corpus + BM25 index + people index, built together, saved and loaded whole."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from bot import __version__
from bot.config import Config
from bot.extract.names import name_key
from bot.extract.places import Gazetteer, states_in
from bot.index.retriever import BM25Index
from bot.index.tokenizer import Tokenizer
from bot.ingest.corpus import Corpus, LoadReport, Progress, discover, load_corpus
from bot.people.index import EntityIndex, build_entities

SNAPSHOT_FORMAT = 4


@dataclass
class Snapshot:
    """Everything a command needs, immutable once built; a reload swaps in a new one."""

    corpus: Corpus
    index: BM25Index
    release_index: BM25Index  # one document per release: for "which releases are about X"
    release_ids: list[str]  # release_index row -> release id
    entities: EntityIndex
    tokenizer: Tokenizer
    doc_pids: list[int]  # index row -> paragraph id
    source_states: dict[str, set[str]]
    home_cities: dict[str, frozenset[str]]  # source -> the city whose police appear in much of it
    person_words: frozenset[str]
    fingerprint: str
    built_at: float

    @property
    def report(self) -> LoadReport:
        return self.corpus.report

    def search(self, text: str, k: int = 10) -> list[tuple[int, float]]:
        """Best paragraphs for free text: (paragraph id, BM25 score)."""
        return [(self.doc_pids[d], s) for d, s in self.index.top_k(self.tokenizer(text), k)]

    def release_states(self, release_id: str) -> set[str]:
        rel = self.corpus.releases[release_id]
        text = " ".join(p.text for p in self.paragraphs_of(release_id))
        return states_in(text) | states_in(rel.dateline or "") | self.source_states.get(rel.source, set())

    def same_text_releases(self, pid: int) -> list[str]:
        """The other releases that print paragraph `pid` word for word."""
        root = self.__dict__.get("_copy_root")
        if root is None:  # derived once per snapshot, never saved
            root = {c: first for first, cs in self.corpus.copies.items() for c in cs}
            self.__dict__["_copy_root"] = root
        first = root.get(pid, pid)
        group = [first] + self.corpus.copies.get(first, [])
        own = self.corpus.paragraphs.release_ids[pid]
        return sorted({self.corpus.paragraphs.release_ids[q] for q in group} - {own})

    def paragraphs_of(self, release_id: str):
        lo, hi = self._ranges()[release_id]
        return self.corpus.paragraphs[lo:hi]

    def _ranges(self) -> dict[str, tuple[int, int]]:
        ranges = self.__dict__.get("_release_ranges")
        if ranges is None:
            ranges = {}
            for p in self.corpus.paragraphs:
                lo, _hi = ranges.get(p.release_id, (p.pid, p.pid))
                ranges[p.release_id] = (lo, p.pid + 1)
            self.__dict__["_release_ranges"] = ranges
        return ranges


# The code that shapes a snapshot. Commands, renderers, the CLI and Discord code are left out, so
# editing them reuses the saved snapshot; anything listed here forces a rebuild when it changes.
SNAPSHOT_CODE = ("ingest", "extract", "people", "index", "data", "snapshot.py", "models.py", "textnorm.py",
                 "__init__.py")


def snapshot_code_files(root: Path | None = None) -> list[Path]:
    """The package files hashed into the fingerprint (see SNAPSHOT_CODE)."""
    root = root or Path(__file__).resolve().parent
    files: list[Path] = []
    for entry in SNAPSHOT_CODE:
        path = root / entry
        files += sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                        and f.suffix != ".pyc") if path.is_dir() else [path]
    return files


def _code_hash(root: Path | None = None) -> str:
    """Hash of the code and data that build snapshots: a snapshot built by other code is never reused."""
    root = root or Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in snapshot_code_files(root):
        h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def fingerprint(cfg: Config) -> str:
    """Hash of every corpus file (path, size, mtime), the settings and the code that shape the snapshot."""
    h = hashlib.sha256(_code_hash().encode())
    h.update(json.dumps({"format": SNAPSHOT_FORMAT, "version": __version__, "corpus": asdict(cfg.corpus),
                         "index": asdict(cfg.index), "paths": [str(p) for p in cfg.corpus_paths]},
                        sort_keys=True, default=str).encode())
    for sf in discover(cfg.corpus_paths, LoadReport()):
        try:
            st = sf.path.stat()
            h.update(os.fsencode(sf.path) + f"\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(os.fsencode(sf.path) + b"\0missing\n")
    return h.hexdigest()[:20]


def build_snapshot(cfg: Config, progress: Progress | None = None, fp: str | None = None) -> Snapshot:
    """Load the corpus and build both indexes (seconds on 8k releases; run it off the event loop)."""
    corpus = load_corpus(cfg.corpus_paths, cfg.corpus, progress)
    tok = Tokenizer(stem=cfg.index.stem)
    docs = []
    for n, pid in enumerate(corpus.index_pids, start=1):
        docs.append(tok(corpus.paragraphs[pid].text))
        if progress and n % 20000 == 0:
            progress(n, len(corpus.index_pids), "tokenizing")
    if progress:
        progress(len(docs), len(docs), "indexing")
    index = BM25Index.build(docs, k1=cfg.index.k1, b=cfg.index.b, epsilon=cfg.index.epsilon)
    tokens_of = dict(zip(corpus.index_pids, docs, strict=True))
    for first, others in corpus.copies.items():
        for pid in others:
            tokens_of[pid] = tokens_of[first]
    release_ids = list(corpus.releases)
    rel_docs: dict[str, list[str]] = {rid: [] for rid in release_ids}
    for p in corpus.paragraphs:
        rel_docs[p.release_id].extend(tokens_of[p.pid])
    release_index = BM25Index.build([rel_docs[r] for r in release_ids], k1=cfg.index.k1, b=cfg.index.b,
                                    epsilon=cfg.index.epsilon)
    if progress:
        progress(0, 1, "people and quotes")
    entities = build_entities(corpus)
    if progress:
        progress(1, 1, "people and quotes")
    return Snapshot(corpus, index, release_index, release_ids, entities, tok, list(corpus.index_pids),
                    _source_states(corpus), _home_cities(corpus), _person_words(entities), fp or fingerprint(cfg),
                    time.time())


def _source_states(corpus: Corpus) -> dict[str, set[str]]:
    """The state(s) a source's releases usually name: the default context for its place names."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    heads: dict[str, list[str]] = defaultdict(list)
    for p in corpus.paragraphs:
        if p.number <= 6:
            heads[p.release_id].append(p.text)
    for rid, texts in heads.items():
        src = corpus.releases[rid].source
        n[src] += 1
        seen[src].update(states_in(" ".join(texts) + " " + (corpus.releases[rid].dateline or "")))
    return {s: {st for st, c in seen[s].items() if c >= 0.25 * n[s] and n[s] >= 3} for s in n}


_POLICE = re.compile(r"((?:[A-Z][\w.’'-]*\s){1,4})Police\b")


def _home_cities(corpus: Corpus, share: float = 0.1) -> dict[str, frozenset[str]]:
    """Per source, the city whose police are named in at least `share` of its releases and three times as
    often as any other's: the office's home ('New York City Police Department' in Brooklyn releases),
    background rather than a story's place."""
    gaz = Gazetteer.default()
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    n: Counter[str] = Counter()
    found: dict[str, set[str]] = defaultdict(set)
    for rid, text in zip(corpus.paragraphs.release_ids, corpus.paragraphs.texts, strict=True):
        for m in _POLICE.finditer(text):
            words = m.group(1).split()
            city = next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in gaz.rows), None)
            if city:
                found[rid].add(city)
    for rid, rel in corpus.releases.items():
        n[rel.source] += 1
        seen[rel.source].update(found.get(rid, ()))
    homes: dict[str, frozenset[str]] = {}
    for src in n:
        top = seen[src].most_common(2) + [("", 0), ("", 0)]
        (city, k), (_, k2) = top[0], top[1]
        # one city's police dominate (Brooklyn: NYPD); in a county of many police forces none does
        homes[src] = frozenset({city}) if k >= max(5, share * n[src]) and k >= 3 * k2 else frozenset()
    return homes


def _person_words(entities: EntityIndex) -> frozenset[str]:
    """Name words used for people often enough that a bare 'Garland' or 'Irving' may be a person."""
    counts: Counter[str] = Counter()
    for p in entities.people:
        weight = len(p.mention_pids)
        for w in (p.first, p.last):
            if w:
                counts[w] += weight
    return frozenset(w for w, c in counts.items() if c >= 3 and name_key(w))


# -- persistence --------------------------------------------------------------------------------
def save_snapshot(snap: Snapshot, cache_dir: Path) -> Path:
    """Write the snapshot under cache_dir/<fingerprint>, atomically (a half-written one is never read)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    final = cache_dir / snap.fingerprint
    tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=cache_dir))
    try:
        snap.index.save(tmp / "bm25")
        snap.release_index.save(tmp / "bm25-releases")
        state = {k: v for k, v in snap.__dict__.items() if k not in ("index", "release_index")
                 and not k.startswith("_")}
        with open(tmp / "snapshot.pkl", "wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def load_snapshot(cache_dir: Path, fp: str) -> Snapshot | None:
    """The saved snapshot for this fingerprint, or None (missing or unreadable: it will be rebuilt)."""
    folder = cache_dir / fp
    if not (folder / "snapshot.pkl").exists():
        return None
    try:
        with open(folder / "snapshot.pkl", "rb") as f:
            state = pickle.load(f)
        index = BM25Index.load(folder / "bm25")
        release_index = BM25Index.load(folder / "bm25-releases")
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, KeyError, AttributeError, TypeError):
        return None
    return Snapshot(index=index, release_index=release_index, **state)


def open_snapshot(cfg: Config, progress: Progress | None = None, use_cache: bool = True) -> tuple[Snapshot, bool]:
    """The snapshot for the configured corpus: loaded from cache when unchanged, else built and saved.

    Returns (snapshot, loaded_from_cache)."""
    fp = fingerprint(cfg)
    cache = cfg.cache_dir
    if use_cache:
        snap = load_snapshot(cache, fp)
        if snap is not None:
            return snap, True
    snap = build_snapshot(cfg, progress, fp)
    if use_cache:
        try:
            save_snapshot(snap, cache)
        except OSError:
            pass  # a read-only cache only costs the next start a rebuild
    return snap, False
