"""The answer tables a snapshot precomputes (bot.snapshot.answer_tables): search's highlight words, quote's
grouped quotations and who's ranked evidence give what the answers computed per query before."""

from __future__ import annotations

import re

from bot.commands.scoped_people import restrict_person
from bot.index.highlights import HighlightTable
from bot.index.tokenizer import Tokenizer
from bot.people.citations import evidence_rank
from tests.helpers import engine_for

# Kings County DA (kings_ny), verbatim
KINGS = ("Acting Brooklyn District Attorney Eric Gonzalez today announced that a 24-year-old Manhattan man has been "
         "sentenced to 12 years in prison for robbing an off-duty police officer and three others at gunpoint while "
         "they sat in a parked vehicle.")
KINGS_QUOTE = ("District Attorney Thompson said, “These defendants not only preyed upon and stole from vulnerable people "
               "seeking help, they also undermined the valuable work of a local organization trying to provide "
               "much-needed services to Brooklyn’s immigrant community.”")
# Orange County DA (orange_ca), verbatim
ORANGE = ("“This action showed a complete disregard for human life,” said Orange County District Attorney Todd "
          "Spitzer. “The Orange County District Attorney’s Office will ensure that this random act of violence "
          "targeting a stranger will be prosecuted to the fullest extent of the law.”")
_WORD = re.compile(r"[\w’'-]+")


def _word_by_word(tok: Tokenizer, text: str, terms: set[str]) -> list[str]:
    """What search did per query before the table: tokenize each word of the paragraph alone."""
    out: list[str] = []
    for w in _WORD.findall(text):
        if set(tok(w)) & terms and w not in out:
            out.append(w)
    return out


def test_highlight_words_are_those_each_word_tokenized_alone_gives():
    tok = Tokenizer(stem=True)
    texts = [KINGS, ORANGE, KINGS_QUOTE]
    table = HighlightTable.build(texts, True)
    cases = [(0, "off duty police officers", ["off-duty", "police", "officer"]),  # kings_ny: a hyphenated word
             (0, "sentencing of a man", ["man", "sentenced"]),  # kings_ny: 'Manhattan' holds 'man' but is not it
             (1, "orange county offices", ["Orange", "County", "Office"]),  # orange_ca: each word once, as written
             (2, "brooklyn needs", ["much-needed", "Brooklyn’s"])]  # kings_ny: an apostrophe inside a word
    for pid, query, expected in cases:
        terms = set(tok(query))
        assert table.words(pid, texts[pid], terms) == expected, query
        assert _word_by_word(tok, texts[pid], terms) == expected, query
    grown = HighlightTable.build(texts[:1], True).extend(texts[1:], True)  # an incremental update's new paragraphs
    joined = HighlightTable.concat([HighlightTable.build(texts[:2], True), HighlightTable.build(texts[2:], True)])
    for pid, query, expected in cases:
        assert grown.words(pid, texts[pid], set(tok(query))) == expected
        assert joined.words(pid, texts[pid], set(tok(query))) == expected


def test_a_quotation_printed_twice_is_one_group_cited_where_first_printed(tmp_path):
    # orange_ca: two quoted sentences, two quotations; kings_ny: one
    for office, name, quote, n in (("orange_ca", "Spitzer", ORANGE, 2), ("kings_ny", "Thompson", KINGS_QUOTE, 1)):
        engine = engine_for(tmp_path / office, {
            "first.md": f"---\ntitle: First telling\ndate: 2019-04-02\n---\n{quote}\n",
            "again.md": f"---\ntitle: Told again\ndate: 2021-06-30\n---\nA later case.\n\n{quote}\n"}, office)
        snap = engine.store.snapshot
        person = next(p for p in snap.entities.people if p.last == name)
        owner = snap.corpus.paragraphs.release_ids
        groups = snap.quote_table.most_recent_first(person.id, snap.entities.quotes_by_person[person.id], owner,
                                                    snap.corpus.releases)
        assert [sorted(owner[q.pid].rsplit("/", 1)[-1] for q in g) for g in groups] == [["again", "first"]] * n
        ans = engine.ask(f"quote {name}")
        assert ans.summary.startswith(f"{snap.person_table.names[person.id]} is quoted {n} time"), office
        assert [c.release_id.rsplit("/", 1)[-1] for c in ans.citations] == ["first"] * n, office
        assert all([r.rsplit("/", 1)[-1] for r in c.also_in] == ["again"] for c in ans.citations), office


def test_ranked_evidence_is_the_order_who_sorted_per_query(sample_engine):
    """Every person of the real sample (four offices), whole and as each office's view sees them."""
    snap = sample_engine.store.snapshot
    paras, releases = snap.corpus.paragraphs, snap.corpus.releases
    owner = paras.release_ids
    checked = 0
    for source in [None, *sorted({r.source for r in releases.values()})]:
        allowed = {rid for rid, r in releases.items() if source in (None, r.source)}
        for whole in snap.entities.people:
            p = whole if source is None else restrict_person(whole, owner, allowed, paras.texts)
            if p is None or not p.titles:
                continue
            groups = snap.person_table.facts_of(p, paras.texts).roles
            order = list(whole.title_pids)
            expected = [[(pid, t) for pid, t in sorted(
                {(pid, t) for t in g for pid in p.title_pids.get(t, [])},
                key=lambda c: (evidence_rank(p, c[1], paras.texts[c[0]], paras.numbers[c[0]],
                                             releases[owner[c[0]]]), c[0], order.index(c[1])))] for g in groups]
            assert snap.person_table.ranked(p, groups) == expected, (source, p.name)
            checked += 1
    assert checked > 100
