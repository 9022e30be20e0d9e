"""The attribution before a quotation (bot.extract.quotes._intro) reads only a window before it and tries
the 'X said,' pattern only when a speech verb is there: the same attribution as searching the whole text,
on verbatim paragraphs and on a paragraph whose attribution sits past a long run of spaces."""

from __future__ import annotations

from bot.extract import quotes

# Brooklyn DA (kings_ny), 2022_06_15 hate-crime sentencing: a participle after the sentence's subject
BROOKLYN = ("While inside of Del Liquors, the defendant approached the victim and pointed to her, stating, “What "
            "are you doing here? You’re not supposed to be here? You are a tranny and a (explicative).” The victim "
            "ignored the defendant.")
# Orange County DA (orange_ca), the Beverly Hills surgeon release: a participle without its comma
ORANGE = ("Dr. C. Hsien Chang, who serves as the Medical Director for Orange County’s Correctional Health Services "
          "(CHS), authored a declaration supporting Rosen’s continued incarceration, stating “I am familiar with "
          "Randy Rosen’s medical")
# Brooklyn DA (kings_ny), 2016_04_07 sentencing: 'X stated, “…' read by the speech-verb pattern
BROOKLYN_SAID = "He stated, “If I see you again, I will kill you"


def _whole_text(text: str, quote_open: int) -> tuple:
    """The reference: every pattern over the whole text before the quotation."""
    before = text[max(0, quote_open - 160):quote_open]
    mm = quotes._INTRO.search(before) or quotes._ACCORDING.search(before)
    if mm:
        return mm.group(1), None, None
    tail = quotes._PARTICIPLE.search(text, 0, quote_open) or quotes._VERB_ENDS.search(text, 0, quote_open)
    if tail is None or quote_open - tail.start() > 40:
        return None, None, None
    start = quotes.sentence_start(text, tail.start())
    head = text[start:tail.start()]
    if quotes._VERB_OPENS.match(head):
        return None, quotes.attribution_clause(head), None
    return None, None, start if head.strip() else None


def test_the_windowed_search_reads_the_attributions_the_whole_text_gives():
    long_lead = "The jury heard from eleven witnesses over three weeks of testimony in the case. " * 4
    for text in (BROOKLYN, ORANGE, BROOKLYN_SAID, long_lead + BROOKLYN, long_lead + ORANGE):
        at = text.index("“")
        assert quotes._intro(text, at) == _whole_text(text, at), text[:40]
    assert quotes._intro(BROOKLYN_SAID, BROOKLYN_SAID.index("“"))[0] == "He"
    # the sentence's start, past the 320 characters of earlier sentences
    assert quotes._intro(long_lead + BROOKLYN, len(long_lead) + BROOKLYN.index("“"))[2] == len(long_lead)


def test_an_attribution_past_a_long_run_of_spaces_is_still_found():
    # the Orange County sentence with its participle pushed 300 no-break spaces before the quotation
    text = ORANGE.replace("stating “", "stating," + "\u00a0" * 300 + "“")
    at = text.index("“")
    assert quotes._ending(quotes._PARTICIPLE, text, at) is not None  # the whole text is searched
    assert quotes._intro(text, at) == _whole_text(text, at) == (None, None, None)  # more than 40 back
