"""Finding quotations in a paragraph and the attribution phrase that names their speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract.lexicon import AUDIENCE_WORDS, SPEECH_VERBS

_CURLY = re.compile(r"“([^“”]{2,}?)(?:”|$)")
_STRAIGHT = re.compile(r"\"([^\"]{2,}?)(?:\"|$)")
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


@dataclass(slots=True)
class QuoteSpan:
    """A quotation in a paragraph: [start, end) of its words, and who the text says spoke it."""

    start: int
    end: int
    speaker: str | None  # the attribution phrase, e.g. "DA Stephan" or "Dallas County District Attorney ..."
    intro: bool = False  # the attribution comes before the quotation ("X said, “…”")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in one paragraph with their attribution phrases (None when the paragraph has none)."""
    pattern = _CURLY if "“" in text else _STRAIGHT
    spans: list[QuoteSpan] = []
    for m in pattern.finditer(text):
        start, end = m.start(1), m.end(1)
        inner = text[start:end].strip()
        if len(inner) < 3:
            continue
        after = text[m.end():m.end() + 160]
        before = text[max(0, m.start() - 160):m.start()]
        # attribution right after the quotation ("…,” said X / “…,” X said), else just before it
        mm = _AFTER_VERB_FIRST.match(after) or _AFTER_NAME_FIRST.match(after)
        intro = mm is None
        if intro:
            mm = _INTRO.search(before) or _ACCORDING.search(before)
        speaker = mm.group(1) if mm else None
        spans.append(QuoteSpan(start, end, speaker, intro and speaker is not None))
    # Quotations in a paragraph whose other quotation is attributed share that speaker.
    named = [s.speaker for s in spans if s.speaker]
    for s in spans:
        if s.speaker is None and named and s.end - s.start >= MIN_UNATTRIBUTED:
            s.speaker = named[0]
    return spans


def starts_with_quote(text: str) -> bool:
    return text.lstrip()[:1] in ("“", '"')
