"""How a release's headline and opening describe its main subject ('a Staten Island salesman'), and
which named person that description belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.extract.lexicon import CASE_VERBS, HEADLINE_VERBS, NUMBER_WORDS, ROLE_NOUNS
from bot.extract.mentions import Mention
from bot.extract.titles import described, is_noun_phrase, title_names_office
from bot.extract.tokens import is_name_word, name_key

_ROLE_ALT = "|".join(sorted(set(ROLE_NOUNS) | {w.capitalize() for w in ROLE_NOUNS}, key=len, reverse=True))
_CASE_VERBS = "|".join(CASE_VERBS)
_HEADLINE_VERBS = "|".join(HEADLINE_VERBS) + r"|[A-Z][a-z]+ed"  # any past participle: 'Man Duped Friends'
# what is done to the person a case is about, after their name ('NAME was arrested', 'NAME, 46, pleaded')
_CASE_AFTER_VERBS = "sentenced|convicted|charged|indicted|arrested|arraigned|extradited|pleaded|pled|found guilty"
_DESC = rf"((?:[\w’']+(?:\s+|-)){{0,7}}?(?:{_ROLE_ALT})(?:\s+“[^”]{{2,30}}”)?)"
_LEDE_PATTERNS = [
    # 'A man who sold heroin to a San Diego woman, leading to her fatal overdose, was sentenced'
    re.compile(rf"(?:^|[.!?]\s+|\bthat\s+)(?:A|An|The|a|an|the)\s+({_DESC}\s+who\s+[^,.;:“”]{{3,80}}?)"
               rf"(?:,[^.;:“”]{{0,80}},)?\s+(?:(?:was|were|has been|had been)\s+)?(?:{_CASE_AFTER_VERBS})\b"),
    re.compile(rf"\bthat\s+(?:a|an|the)\s+{_DESC}(?:\s+(?:has|have|had|was|were|is|pleaded|pled|will)|,?\s+who)\b"),
    re.compile(rf"(?:^|[.!?]\s+|\s[–—-]\s+)(?:A|An|The)\s+{_DESC}(?:\s+(?:has|have|had|was|were|is|pleaded|pled|will)"
               rf"|,?\s+who)\b"),
    re.compile(rf"\b(?:{_CASE_VERBS})\s+(?:a|an|the)\s+{_DESC}\s+"
               rf"(?:to|for|of|in|with|on|after)\b"),
]
# 'An actor was convicted': any noun phrase as the subject of a case verb
_NOUN_SUBJECT = re.compile(rf"(?:^|[.!?]\s+|\s[–—-]\s+|\bthat\s+)(?:A|An|a|an)\s+((?:[a-z\d][\w’'-]*\s+){{0,3}}[a-z][\w’'-]+)"
                           rf"\s+(?:was|has been|had been)\s+(?:{_CASE_AFTER_VERBS})\b")
_HEADLINE = re.compile(rf"^((?:[\w’'-]+\s+){{0,4}}?(?:{_ROLE_ALT})(?:\s+“[^”]{{2,30}}”)?)"
                       rf"(?:\s+[Ww]ho(?:\s+[\w’'-]+){{1,8}}?)?\s+(?:{_HEADLINE_VERBS})\b")
_AGE_INTRO = re.compile(r"^,\s+\d{1,3},|^\s*\(\d{1,3}\)|^,\s+(?i:dob):?\s*\d|^\s*\((?i:dob):?\s*\d")
LEDE_PARAGRAPHS = 8  # the opening where the subject is introduced ...
DESCRIPTOR_PARAGRAPHS = 6  # ... and the part of it read for descriptions


def lede_descriptors(headline: str, lede: list[str]) -> list[str]:
    """How a release's opening describes its main subject: 'a Staten Island salesman', 'Florida Man'."""
    out = []
    m = _HEADLINE.match(headline)
    if m and described(m.group(1)):
        out.append(m.group(1).strip())
    for text in lede:
        for rx in _LEDE_PATTERNS:
            for m in rx.finditer(text):
                phrase = m.group(1).strip()
                head = phrase.split(" who ")[0]  # a relative clause is kept, the noun before it judged
                if described(head) and not any(is_name_word(w) and w not in ROLE_NOUNS for w in head.split()[-1:]):
                    out.append(phrase)
        out += [m.group(1) for m in _NOUN_SUBJECT.finditer(text) if is_noun_phrase(m.group(1).split())]
    # 'The victim was ...' describes the victim, never the subject of the case
    return [d for d in dict.fromkeys(out) if not _plural(d.split(" who ")[0]) and d.split(" who ")[0].split()[-1]
            .lower() not in ("victim", "victims")]


def _plural(phrase: str) -> bool:
    """'Three Brooklyn Men', 'two men': a description of several people, not of one subject."""
    words = phrase.split()
    head = words[-1].strip("“”\".,").lower()
    return (words[0].lower() in NUMBER_WORDS or words[0].isdigit() or head in ("men", "women", "people")
            or (head.endswith("s") and head[:-1] in ROLE_NOUNS))


def introduces_subject(text: str, mention: Mention) -> bool:
    """'NAME, 31, ...' or '39-year-old NAME': how releases introduce the person they are about."""
    return bool(_AGE_INTRO.match(text[mention.end:mention.end + 12])) or bool(
        re.search(r"\d{1,3}-year-old\s+$", text[max(0, mention.start - 16):mention.start]))


_CASE_AFTER = re.compile(r"^(?:(?:,[^,.;]{1,40}){1,3},|,\s+who\s[^;:“”]{1,140}?,)?\s+(?:(?:was|were|has been|had been|is)\s+)?"
                         r"(?:" + _CASE_AFTER_VERBS + r")\b")
_CASE_BEFORE = re.compile(r"\b(?:found|convicted|sentenced|charged|indicted|arrested|arraigned)\s+$")


def case_subject(text: str, mention: Mention) -> bool:
    """'NAME was sentenced', 'NAME, 46, pleaded', 'A jury found NAME guilty': the person a case is about
    (not the object of 'killing', who is a victim)."""
    after = text[mention.end:mention.end + 200]
    if _CASE_AFTER.match(after):
        return True
    before = text[max(0, mention.start - 20):mention.start]
    return bool(_CASE_BEFORE.search(before)) and (not before.rstrip().endswith("found") or after.startswith(" guilty"))


def lede_subject(mentions: list[tuple[int, Mention]], head: list[int], text_of: Callable[[int], str]
                 ) -> Mention | None:
    """The person a lede's description belongs to: the one full-named person the release calls "the
    defendant", else the first full-named person of the opening paragraphs `head` introduced with an
    age (and not titled as an official)."""
    defendants: dict[tuple[str, str], Mention] = {}
    for _pid, m in mentions:
        if m.first and m.title == "defendant":
            defendants.setdefault((name_key(m.first), name_key(m.last)), m)
    if len(defendants) == 1:
        return next(iter(defendants.values()))
    for pid, m in mentions:
        if pid in head and m.first and introduces_subject(text_of(pid), m) and not title_names_office(m.title):
            return m
    for pid, m in mentions:  # no age: the person the opening says was sentenced, convicted, found guilty
        if pid in head and m.first and case_subject(text_of(pid), m) and not title_names_office(m.title):
            return m
    return None
