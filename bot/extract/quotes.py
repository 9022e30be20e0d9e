"""Finding quotations in a paragraph and the attribution phrase that names their speaker."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.extract.lexicon import ABBREVIATIONS, AUDIENCE_WORDS, SPEECH_VERB_WORDS, SPEECH_VERBS

_CURLY = re.compile(r"“([^“”]{2,}?)(?:”|$)")
_STRAIGHT = re.compile(r"\"([^\"]{2,}?)(?:\"|$)")
_MIXED = re.compile(r"[“\"]([^“”\"]{2,}?)(?:[”\"]|$)")  # a paragraph using both kinds of marks
_AFTER_VERB_FIRST = re.compile(
    rf"^\s*,?\s*{SPEECH_VERBS}\s+((?:[^\s,;:“”\"]+\s+){{0,9}}?[^\s,;:“”\"]+?)(?=(?<!\b[A-Z])\.(?:\s|$)|[,;:]\s|[,;:]?$|\s+(?:who|in|at|of|on|during|after|before|when|as|adding|and)\b|\s*[“\"])")
_ADVERB = r"(?:\s+(?:[a-z]+ly|also|later|then|once))?"  # "… ,” Bassier allegedly said"
_AFTER_NAME_FIRST = re.compile(rf"^\s*,?\s*((?:[^\s.,;:“”\"]+\s+){{0,9}}?[^\s,;:“”\"]+?){_ADVERB}\s+{SPEECH_VERBS}\b")
_AUDIENCE = "|".join(AUDIENCE_WORDS)
_INTRO = re.compile(
    rf"((?:[^\s,;:“”\"]+\s+){{0,9}}?[^\s,;:“”\"]+?){_ADVERB}\s+{SPEECH_VERBS}(?:\s+(?:in\s+a\s+statement|today|that|"
    rf"(?:the\s+)?(?:{_AUDIENCE})))?\s*[,:]?\s*$")
_ACCORDING = re.compile(r"according to\s+((?:[^\s,;:“”\"]+\s+){0,9}?[^\s,;:“”\"]+)\s*,\s*$", re.IGNORECASE)
MIN_UNATTRIBUTED = 25
# A verb-first attribution after the quotation, also opening a sentence of its own ('." Added President
# of APA, David LaBahn.'); its clause runs to the sentence's end, a semicolon or colon, or a next quotation.
_VERB_ANY_CASE = "(?:" + "|".join(w for v in SPEECH_VERB_WORDS for w in (v, v.capitalize())) + ")"
_VERB_OPENS = re.compile(rf"^\s*,?\s*{_VERB_ANY_CASE}\s+")
_CLAUSE_STOP = re.compile(r"[;:!?“\"]|\.(?=\s|$)")
_WORD_BEFORE = re.compile(r"(\S+)$")
MAX_CLAUSE = 220
# A quotation introduced after a descriptor ('Lu-Shawn Thompson, Ken’s widow, said, “…') or by a participle
# ('…,” said DA Smith, adding, “…'): the sentence's subject is the speaker.
_VERB_ENDS = re.compile(rf"\b{SPEECH_VERBS}\s*[,:]?\s*$")
_PARTICIPLE = re.compile(r",\s*(?:adding|noting|stating|remarking)(?:\s+that)?\s*[,:]?\s*$")
_LEADS_IN = re.compile(r"[,:]\s*$")  # a sentence leading into a quotation: 'NAME shared her experiences, “…'
_BOUNDARY = re.compile(r"[.!?][”\"]?\s+|[”\"]\s*")


@dataclass(slots=True)
class QuoteSpan:
    """A quotation in a paragraph: [start, end) of its words, and who the text says spoke it."""

    start: int
    end: int
    speaker: str | None  # the attribution phrase, e.g. "DA Stephan" or "Dallas County District Attorney ..."
    intro: bool = False  # the attribution comes before the quotation ("X said, “…”")
    clause: str | None = None  # a verb-first attribution after it, to the end of its clause ("said ... David Bess")
    subject_from: int | None = None  # the speaker is the subject of the sentence starting here
    lead_from: int | None = None  # ... or, with no other attribution, of this sentence leading into it


def attribution_clause(after: str) -> str | None:
    """The clause of a verb-first attribution opening `after` (the text following a quotation), without
    the verb: '…,” said California Department of ... David Bess . “…' -> 'California Department ... Bess '."""
    m = _VERB_OPENS.match(after)
    if m is None:
        return None
    rest = after[m.end():m.end() + MAX_CLAUSE]
    for stop in _CLAUSE_STOP.finditer(rest):
        if stop.group() == ".":
            word = _WORD_BEFORE.search(rest[:stop.end()])
            w = word.group(1).lstrip("(“\"") if word else ""
            if w in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", w):
                continue  # 'U.S.', an initial: not the sentence's end
        return rest[:stop.start()]
    return rest


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding text[pos] begins: after the last sentence end or closing quotation mark
    before it (the dot of 'Cyrus R. Vance' or 'Rev.' ends no sentence)."""
    start = 0
    for b in _BOUNDARY.finditer(text, 0, pos):
        if text[b.start()] == ".":
            word = _WORD_BEFORE.search(text[:b.start() + 1])
            w = word.group(1) if word else ""
            if w in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", w):
                continue
        start = b.end()
    return start


_TAIL_WINDOW = 200  # characters before a quotation searched for an attribution ending there


def _ending(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """`pattern.search(text, 0, end)` for _PARTICIPLE and _VERB_ENDS, reading only the last _TAIL_WINDOW
    characters: both end at `end` with at most one match, made of whitespace and fewer than 20 other
    characters, so a match starting before the window leaves fewer than 20 non-space characters in it
    (then the whole text is searched)."""
    lo = max(0, end - _TAIL_WINDOW)
    if lo and len("".join(text[lo:end].split())) < 20:
        lo = 0
    return pattern.search(text, lo, end)


def _intro(text: str, quote_open: int) -> tuple[str | None, str | None, int | None]:
    """The attribution before a quotation opening at `quote_open`: (phrase, clause, subject_from).
    'X said, ' (with a title, an audience, 'in a statement') or 'according to X, ' is a phrase; a
    participle after a verb-first attribution ('…,” said DA Smith, adding, “…') is that clause; a
    descriptor between subject and verb ('Lu-Shawn Thompson, Ken’s widow, said, “…') or a participle after
    a sentence's subject ('DA John Creuzot praised the team, stating, “…') gives the sentence's start."""
    before = text[max(0, quote_open - 160):quote_open]
    # the pattern backtracks at every word: tried only when one of its verbs is there at all
    said = any(verb in before for verb in SPEECH_VERB_WORDS)
    mm = (_INTRO.search(before) if said else None) or _ACCORDING.search(before)
    if mm:
        return mm.group(1), None, None
    tail = _ending(_PARTICIPLE, text, quote_open) or _ending(_VERB_ENDS, text, quote_open)
    if tail is None or quote_open - tail.start() > 40:
        return None, None, None
    start = sentence_start(text, tail.start())
    head = text[start:tail.start()]
    if _VERB_OPENS.match(head):
        return None, attribution_clause(head), None
    return None, None, start if head.strip() else None


def _balanced_close(text: str, open_at: int) -> int:
    """Index just past the ” closing the “ at `open_at` with the quotations nested inside it closed
    ('“This so-called “blessing scam” is ...”'), or -1 when the marks never balance."""
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _spans(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(open mark, first word, end of words, past the closing mark) of each top-level quotation."""
    curly, straight = "“" in text, '"' in text
    pattern = _MIXED if curly and straight else _CURLY if curly else _STRAIGHT
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if curly and not straight:
            first = text.find("“", pos)
            if 0 <= first < m.start():  # the search passed over an opening mark: does it hold a quoted phrase?
                close = _balanced_close(text, first)
                if close >= m.end():
                    yield first, first + 1, close - 1, close
                    pos = close
                    continue
        yield m.start(), m.start(1), m.end(1), m.end()
        pos = m.end()


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in one paragraph with their attribution phrases (None when the paragraph has none); a
    quoted phrase inside a quotation belongs to it."""
    spans: list[QuoteSpan] = []
    for open_at, start, end, close in _spans(text):
        inner = text[start:end].strip()
        if len(inner) < 3:
            continue
        after = text[close:close + MAX_CLAUSE + 20]
        # attribution right after the quotation ("…,” said X / “…,” X said), else just before it
        clause = attribution_clause(after)
        mm = _AFTER_VERB_FIRST.match(after) or _AFTER_NAME_FIRST.match(after)
        speaker = mm.group(1) if mm else None
        subject_from = None
        intro = mm is None and clause is None
        if intro:
            speaker, clause, subject_from = _intro(text, open_at)
        lead_from = None
        if intro and not (speaker or clause or subject_from is not None) and _speech_like(inner) and \
                _LEADS_IN.search(text, max(0, open_at - 3), open_at):
            lead_from = sentence_start(text, open_at - 1)  # its subject speaks, if a person opens it
        spans.append(QuoteSpan(start, end, speaker, intro and speaker is not None, clause, subject_from, lead_from))
    # Quotations in a paragraph whose other quotation is attributed share that speaker.
    named = [s for s in spans if s.speaker or s.clause or s.subject_from is not None]
    for s in spans:
        if s in named or not named or s.end - s.start < MIN_UNATTRIBUTED:
            continue
        s.speaker, s.clause, s.subject_from = named[0].speaker, named[0].clause, named[0].subject_from
    return spans


def _speech_like(inner: str) -> bool:
    """Four words or more, most of them lower case: a sentence someone spoke, not a quoted name or title
    ('“Operation Backlash,”', '“Memory Of Victims Everywhere”')."""
    words = inner.split()
    return len(words) >= 4 and 2 * sum(w[:1].isupper() for w in words[1:]) < len(words) - 1


def starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in ("“", '"')
