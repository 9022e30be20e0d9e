"""What an answer to a question looks like: an amount for 'how much', a number for 'how many', a duration,
a date for 'when', a reason for 'why', a phone number, what to do for 'how can', names for 'which NOUNs'
(bot/commands/passage.py weighs the paragraphs holding it)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.snapshot import Snapshot

_NUMBER_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|" \
                r"dozens?|hundreds?|thousands?|millions?"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)")
# A date or a year: in 'Monday, December 19, 2022' no number counts or costs anything.
DATE = re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|"
                   r"\b(?:19|20)\d\d\b")
WORDS = re.compile(r"[^\W\d_][\w’'-]*")  # a word: a letter, then letters, digits, apostrophes, hyphens
_CUES: list[tuple[re.Pattern[str], re.Pattern[str], bool]] = [  # (asks, answer shape, dates masked first)
    (re.compile(r"\bhow\s+much\b|\bcost\b|\bpaid\b|\bworth\b|\bfine[ds]?\b|\brestitution\b", re.I),
     re.compile(r"\$\s?\d|\b\d[\d,.]*\s+(?:dollars|million|billion)\b", re.I), True),
    (re.compile(r"\bhow\s+many\b|\bnumber\s+of\b", re.I),
     re.compile(rf"\b\d[\d,]*\b|\b(?:{_NUMBER_WORDS})\b", re.I), True),
    (re.compile(r"\bhow\s+(?:long|old)\b", re.I),
     re.compile(rf"\b(?:\d+|{_NUMBER_WORDS}|a)[\s-]+(?:years?|months?|weeks?|days?|hours?|decades?)\b", re.I), True),
    (re.compile(r"^\s*when\b|\bwhen\s+(?:will|did|was|is|does|do|were)\b|\bwhat\s+(?:date|time|day)\b", re.I),
     re.compile(rf"\b{_MONTH}\.?\s+(?:of\s+)?(?:\d{{1,2}}|(?:19|20)\d\d)\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|"
                r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b\d{1,2}(?::\d\d)?\s?[ap]\.m\.",
                re.I), False),
    (re.compile(r"^\s*why\b|\bwhy\s+(?:did|was|were|is|does|do|didn|wasn|would)\b|\breason\b", re.I),
     re.compile(r"\b(?:because|due\s+to|since|so\s+that|in\s+order\s+to|as\s+a\s+result|citing|after|found\s+that|"
                r"determined\s+that|concluded|insufficient|lack\s+of|conflict)\b", re.I), False),
    (re.compile(r"\bphone\b|\bnumber\s+to\s+call\b|\bhotline\b|\bcontact\b", re.I),
     re.compile(r"\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"), False),
    # 'how can investors file a complaint': a release answers with what to do and whom to reach
    (re.compile(r"\bhow\s+(?:can|do|does|should|may|to)\b", re.I),
     re.compile(r"\b(?:should|can|may|must|(?:is|are)\s+(?:encouraged|urged|asked|invited)\s+to)\s+(?:\w+\s+)?"
                r"(?:contact|call|visit|report|e-?mail|submit|file|reach|go\s+to|apply)\b", re.I), False),
]
# 'which churches', 'what agencies': the answer names them ('First Christian Church', 'Canada Drive Church')
_WHICH = re.compile(r"\b(?:which|what)\s+([a-z]{3,}(?:ies|es|s))\b", re.I)


@lru_cache(maxsize=20_000)
def _without_dates(text: str) -> str:
    """`text` with its dates blanked out, position for position (remembered: the same paragraphs are read
    by many questions)."""
    return DATE.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=50_000)
def _holds(shape: re.Pattern[str], mask_dates: bool, span: str) -> bool:
    """`shape` occurs in `span` (dates blanked first when `mask_dates`: a date is no count, amount or
    duration); remembered, as the same paragraphs are read by many questions of one kind."""
    return shape.search(_without_dates(span) if mask_dates else span) is not None


class AnswerCue:
    """What an answer to a question looks like, tested on a span of text."""

    def __init__(self, shape: re.Pattern[str], mask_dates: bool) -> None:
        self.shape, self.mask_dates = shape, mask_dates

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        return _holds(self.shape, self.mask_dates, text[start:end])

    def counts(self, snap: Snapshot, text: str, focus: str) -> bool:
        """A number in `text` that counts or prices the thing asked about. 'how many' (`focus` a noun's
        term): the noun among the four words after the number, the noun phrase it opens ('116 live and dead
        birds' for 'how many birds'). 'how much' (`focus` '=' and the question's verb): the verb among the
        three words before the amount or the two after ('was paid $600', 'stealing $282,500')."""
        span = _without_dates(text) if self.mask_dates else text
        verb = focus[1:] if focus.startswith("=") else None
        for m in self.shape.finditer(span):
            if verb is None:
                near = WORDS.findall(span[m.end():m.end() + 80])[:4]
            else:
                near = WORDS.findall(span[max(0, m.start() - 60):m.start()])[-3:]
                near += WORDS.findall(span[m.end():m.end() + 40])[:2]
            if (verb or focus) in snap.tokenizer(" ".join(near)):
                return True
        return False


_HOW_MANY = re.compile(r"\bhow\s+many\s+([^\W\d_][\w’'-]*)", re.I)
_HOW_MUCH = re.compile(r"\bhow\s+much\b.*?([^\W\d_][\w’'-]*)\W*$", re.I)


def count_focus(snap: Snapshot, query: str) -> str | None:
    """The index term of the thing a 'how many' question counts ('birds' in 'how many birds were found'),
    or for 'how much', '=' and its verb: a question puts the verb after its subject, last ('how much were
    the deliverymen paid', 'how much did the defendant steal')."""
    m = _HOW_MANY.search(query)
    if m is None:
        m = _HOW_MUCH.search(query)
        terms = snap.tokenizer(m.group(1)) if m else []
        return f"={terms[0]}" if terms else None
    terms = snap.tokenizer(m.group(1))
    return terms[0] if terms else None


def answer_cue(query: str) -> AnswerCue | None:
    """What an answer to the question looks like (a money amount, a number, a duration, a date, a reason,
    a phone number), or None for a query that is not such a question."""
    found = next((AnswerCue(shape, mask) for asks, shape, mask in _CUES if asks.search(query)), None)
    m = _WHICH.search(query) if found is None else None
    if m is None:
        return found
    return AnswerCue(re.compile(rf"\b[A-Z][\w’'-]*\s+(?:(?:of|the|[A-Z][\w’'-]*)\s+)*?{_singular(m.group(1))}\b"), False)


def _singular(plural: str) -> str:
    """'churches' -> 'Church', 'agencies' -> 'Agency', 'banks' -> 'Bank' (capitalized: a name's head)."""
    word = plural.lower()
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return re.escape(word.capitalize())
