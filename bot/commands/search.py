"""`search TEXT`: the best paragraphs, one per release, with the query's words to highlight."""

from __future__ import annotations

from bot.commands.cite import cite
from bot.commands.paraphrase import alternatives_text, query_units
from bot.commands.passage import best_passage, content_query
from bot.commands.specific import holds_specific, specific_units
from bot.commands.weights import WEIGHTS, RankingWeights
from bot.index.highlights import WORD
from bot.items import Item, SearchHit
from bot.models import Answer, Citation
from bot.people.citations import is_headline
from bot.snapshot import Snapshot
from bot.textnorm import ends_sentence
from bot.wording import human_join, plural


def highlights_for(snap: Snapshot, pid: int, query_terms: set[str]) -> list[str]:
    """Words of paragraph `pid` (as written) whose index term is one of the query's terms (read from the
    offsets computed at build time: bot.index.highlights)."""
    return snap.highlights.words(pid, snap.corpus.paragraphs.texts[pid], query_terms)


def absent_words(snap: Snapshot, query: str) -> list[str]:
    """The query's content words (3+ letters) that no paragraph of the corpus uses: a query about
    'narwhal tusk smuggling' is about nothing here, whatever its common words match."""
    out = []
    for word in WORD.findall(content_query(query)):
        if sum(c.isalpha() for c in word) < 3:
            continue
        terms = snap.tokenizer(word)
        if not terms or any(len(snap.index.postings(t)) for t in terms) or word in out:
            continue
        said_otherwise = [alt for u in query_units(snap.tokenizer, terms) for alt in u.alternatives
                          if all(len(snap.index.postings(t)) for t in alt)]
        if not said_otherwise:  # 'jailed' in a corpus that only writes 'incarcerated' is no absent topic
            out.append(word)
    return out


def _written(snap: Snapshot, query: str, terms: tuple[str, ...]) -> str:
    """The query's words, as typed, whose index terms are `terms`."""
    words = [w for w in WORD.findall(query) if set(snap.tokenizer(w)) & set(terms)]
    return " ".join(dict.fromkeys(words)) or " ".join(terms)


def _answering(snap: Snapshot, query: str, scored: list[tuple[float, float, int]], limit: int, per_release: int,
               w: RankingWeights) -> list[tuple[float, float, int]]:
    """(score, relative, paragraph id) of the results, best first. With one paragraph per release (stage
    two), the first `passage_releases` releases are re-ranked by their score plus `passage_release` times
    the score of the passage that answers inside each: a release whose one sentence answers the question
    passes a release that only repeats its words across paragraphs; each release shows that passage."""
    out: list[tuple[float, float, int]] = []
    per: dict[str, int] = {}
    for score, relative, pid in scored:
        rid = snap.corpus.paragraphs.release_ids[pid]
        if per.get(rid, 0) >= per_release:
            continue
        per[rid] = per.get(rid, 0) + 1
        out.append((score, relative, pid))
        if len(out) >= max(limit, w.passage_releases if per_release == 1 else 0):
            break
    if per_release != 1:
        return out[:limit]
    answered = []
    for n, (score, relative, pid) in enumerate(out):
        found = best_passage(snap, snap.corpus.paragraphs.release_ids[pid], query, w)
        if found:
            pid = found[0]
        boost = w.passage_release * found[1] if found and n < w.passage_releases else 0.0
        answered.append((score + boost, relative, pid))
    answered.sort(key=lambda t: (-t[0], t[2]))
    # a paragraph several releases print word for word is shown once (its citation names the others)
    seen: set[int] = set()
    distinct = []
    for r in answered:
        root = snap.text_root(r[2])
        if root not in seen:
            seen.add(root)
            distinct.append(r)
    return distinct[:limit]


def search(snap: Snapshot, query: str, limit: int, min_relative: float, per_release: int = 1,
           weights: RankingWeights | None = None) -> Answer:
    w = weights or WEIGHTS
    tokens = snap.tokenizer(query)
    if not tokens:
        return Answer("search", query, False, f"Nothing to search for in '{query}': only common words or punctuation.")
    unknown = absent_words(snap, query) if len(snap.index.vocab) >= w.absent_word_vocabulary else []
    if unknown:
        words = ", ".join(f"'{u}'" for u in unknown[:3])
        return Answer("search", query, False, f"No release matches '{query}': no release uses the word {words}.")
    weight = snap.index.query_weight(tokens) or 1.0
    rel_weight = snap.release_index.query_weight(tokens) or 1.0
    # the query's words said another way are searched too ('released' for 'freed'); the weight stays the query's
    wider = f"{query} {alternatives_text(snap.tokenizer, content_query(query))}"
    release_rel = {snap.release_ids[row]: score / rel_weight
                   for row, score in snap.release_index.top_k(snap.tokenizer(wider), w.release_candidates)}
    scored = []
    table = snap.corpus.paragraphs  # (its columns: no Paragraph object per candidate)
    for pid, score in snap.search(wider, w.paragraph_candidates):
        text = table.texts[pid]
        rel = snap.corpus.releases[table.release_ids[pid]]
        relative = score / weight
        if rel.language != "en":
            relative *= w.translation  # a translation must not outrank its original
        if is_headline(text, rel.title):
            relative *= w.headline  # a headline repeats the words; the body answers
        elif table.numbers[pid] <= w.lede_paragraphs and ends_sentence(text) and len(text) >= w.lede_min_chars:
            relative *= w.lede  # news puts the facts first: on a near tie the lede answers
        if rel.listing:
            relative *= w.listing  # an index of headlines points elsewhere
        # a paragraph inside a release that is about the query as a whole ranks higher
        scored.append((relative + w.release * release_rel.get(rel.id, 0.0), relative, pid))
    scored.sort(key=lambda t: (-t[0], t[2]))
    # A long query may be answered by a release as a whole and by no single paragraph alone.
    whole = max(release_rel.values(), default=0.0) >= w.whole_release
    floor = min_relative * w.whole_release_floor if whole else min_relative
    if not scored or max(r for _, r, _ in scored) < floor:
        return Answer("search", query, False, f"No release matches '{query}'.")
    best = scored[0][0]
    shown = [r for r in _answering(snap, query, scored, limit, per_release, w) if r[0] >= w.score_cut * best]
    specific = specific_units(snap, query)
    if not any(holds_specific(snap, snap.corpus.paragraphs.release_ids[pid], specific) for _, _, pid in shown):
        rest = human_join([f"'{_written(snap, query, u.terms)}'" for u in specific[1:]], last="or")
        return Answer("search", query, False, f"No release matches '{query}': none names "
                                             f"'{_written(snap, query, specific[0].terms)}'"
                                             + (f" with {rest}." if rest else "."))
    terms = set(tokens)
    citations: list[Citation] = []
    items: list[Item] = []
    for score, relative, pid in shown:
        citations.append(cite(snap, pid, highlights=highlights_for(snap, pid, terms),
                              also_in=snap.same_text_releases(pid)))
        items.append(SearchHit(score=round(score, 4), relative=round(relative, 3), citation=len(citations) - 1))
    summary = f"{plural(len(citations), 'best paragraph')} for '{query}'"
    return Answer("search", query, True, summary, items=items, citations=citations)
