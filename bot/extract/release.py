"""What one release says about people: who it names where, which quotations it attributes to whom,
and how its opening describes its main subject. Text only: no person records yet (bot.people.build
resolves these findings to people across the corpus)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.extract.lede import DESCRIPTOR_PARAGRAPHS, LEDE_PARAGRAPHS, lede_descriptors, lede_subject
from bot.extract.lexicon import LIST_HEADER_ROLES
from bot.extract.mentions import Mention, find_mentions
from bot.extract.quotes import MIN_UNATTRIBUTED, QuoteSpan, find_quotes, starts_with_quote
from bot.extract.speakers import clause_speaker, clause_subject, sentence_subject, speaker_name
from bot.extract.tokens import name_key
from bot.textnorm import sentence_spans

Speaker = tuple[str, str, str]  # (first, last, title as written)


@dataclass(slots=True)
class QuoteFinding:
    """A quotation [start, end) of paragraph `pid` and who said it. `stated`: the attribution names the
    speaker here (their title counts); else the quotation continues the previous paragraph's speaker."""

    pid: int
    start: int
    end: int
    speaker: Speaker
    stated: bool = True


@dataclass
class ReleaseFindings:
    """Everything read from one release, in text order."""

    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (paragraph id, mention)
    quotes: list[QuoteFinding] = field(default_factory=list)
    unattributed: list[tuple[int, int, int]] = field(default_factory=list)  # (pid, start, end)
    descriptors: list[str] = field(default_factory=list)  # how the lede describes its subject ...
    subject: Mention | None = None  # ... who that is
    lede_pid: int = -1  # the first paragraph (where a description is cited)
    profile_subject: Mention | None = None  # a profile's one headline name: the unattributed quotes are theirs


def read_release(headline: str, paragraphs: list[tuple[int, str]]) -> ReleaseFindings:
    """Mentions, attributed quotations and the subject description of one release's paragraphs
    ((pid, text) in order) under its headline."""
    found = ReleaseFindings()
    found.mentions = [(pid, m) for pid, text in paragraphs for m in find_mentions(text)]
    found.mentions += list_members(paragraphs, found.mentions)
    found.mentions += role_references(paragraphs, found.mentions)
    text_of = dict(paragraphs)
    head = [pid for pid, _ in paragraphs[:LEDE_PARAGRAPHS]]
    found.descriptors = lede_descriptors(headline, [text_of[p] for p in head[:DESCRIPTOR_PARAGRAPHS]])
    if found.descriptors:
        found.subject = lede_subject(found.mentions, head, text_of.__getitem__)
        found.lede_pid = head[0]
    _read_quotes(found, paragraphs)
    if not found.quotes and len(found.unattributed) >= 2:
        found.profile_subject = headline_subject(headline)
    return found


_LIST_HEADER = re.compile(r"\b(" + "|".join(LIST_HEADER_ROLES) + r")\b[^.:]{0,80}:\s*$")
_BULLET = re.compile(r"^[\s•·*–-]*")
_LIST_LINE = re.compile(r"^[\s•·*–-]*[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*)+,")  # 'Name Name Jr.,' opening a line


def list_members(paragraphs: list[tuple[int, str]], mentions: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """'The defendants include:' then one paragraph per person ('Luis Cardona Jr., 26, of National City'):
    each name opening a paragraph under the header takes the header's role, until a paragraph opens otherwise."""
    first: dict[int, Mention] = {}
    for pid, found in mentions:
        first.setdefault(pid, found)
    out: list[tuple[int, Mention]] = []
    role = ""
    for pid, text in paragraphs:
        m = first.get(pid)
        lead = _BULLET.match(text)
        if role and m is not None and m.first and lead is not None and m.start == lead.end():
            out.append((pid, Mention(m.first, m.last, m.full, role, m.start, m.end)))
            continue
        if role and m is None and _LIST_LINE.match(text):
            continue  # a member the scan did not read as a name: the list goes on
        header = _LIST_HEADER.search(text) if len(text) <= 200 else None
        role = LIST_HEADER_ROLES[header.group(1).lower()] if header else ""
    return out


# A sentence opening with the case role it refers back to: 'The victim was discovered by ...'.
_ROLE_OPENING = re.compile(r"\s*(?:The|This)\s+(victim|defendant)\b(?![’'-])")
_OTHER_ROLE = {"victim": "defendant", "defendant": "victim"}
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*[,.;)]")  # 'Edna Pierre-Jacques, 78,': how news introduces a private person


def role_references(paragraphs: list[tuple[int, str]], mentions: list[tuple[int, Mention]]) -> list[tuple[int, Mention]]:
    """'Edna Pierre-Jacques, 78, was found in a pool of blood ... The victim was discovered by ...': a sentence
    opening 'The victim' ('The defendant') right after a sentence naming exactly one person, introduced with
    an age and with no title in the release, gives that person the role, when the release already names
    someone else in the other role and no one in this one (so 'The victim' never relabels the defendant just
    named); the age is what tells a person from a place or a business ('Dana Point', 'Star Bar')."""
    holders: dict[str, set[str]] = {"victim": set(), "defendant": set()}
    titled: set[str] = set()
    for _, m in mentions:
        if m.title:
            titled.add(name_key(m.full))
            last = m.title.split()[-1].casefold()
            if last in holders:
                holders[last].add(name_key(m.full))
    out: list[tuple[int, Mention]] = []
    for pid, text in paragraphs:
        spans = sentence_spans(text)
        for (a, b), (c, _) in zip(spans, spans[1:], strict=False):
            opening = _ROLE_OPENING.match(text, c)
            role = opening.group(1).casefold() if opening else ""
            if not role or holders[role] or not holders[_OTHER_ROLE[role]]:
                continue
            named = {name_key(m.full): m for p, m in mentions if p == pid and m.first and a <= m.start < b}
            if len(named) != 1:
                continue
            key, m = next(iter(named.items()))
            if key not in titled and _AGE_AFTER.match(text, m.end):
                out.append((pid, Mention(m.first, m.last, m.full, role, m.start, m.end)))
                holders[role].add(key)
    return out


def _read_quotes(found: ReleaseFindings, paragraphs: list[tuple[int, str]]) -> None:
    """The quotations of each paragraph with their speakers; a quotation opening a paragraph with no
    attribution continues the previous paragraph's speaker."""
    by_pid: dict[int, list[Mention]] = {}
    for p, m in found.mentions:
        by_pid.setdefault(p, []).append(m)
    last_speaker: Speaker | None = None
    for pid, text in paragraphs:
        spans = find_quotes(text)
        if not spans:
            last_speaker = None
            continue
        para_speaker = None
        for s in spans:
            who, stated = None, True
            long_opening = starts_with_quote(text) and s.end - s.start >= MIN_UNATTRIBUTED
            if s.speaker or s.clause or s.subject_from is not None:
                who = _speaker_of(s, text, by_pid.get(pid, []))
            elif last_speaker is not None and long_opening:
                who, stated = last_speaker, False  # a quotation continuing the previous paragraph's speaker
            elif s.lead_from is not None:  # 'NAME shared her experiences, “…'
                who = sentence_subject(text, s.lead_from, s.start, by_pid.get(pid, []))
            if who is not None:
                found.quotes.append(QuoteFinding(pid, s.start, s.end, who, stated))
                para_speaker = who
            elif long_opening:
                found.unattributed.append((pid, s.start, s.end))
        last_speaker = para_speaker


def _speaker_of(s: QuoteSpan, text: str, mentions: list[Mention]) -> Speaker | None:
    """Who an attributed quotation's attribution names: a verb-first clause after it read to its end,
    else the attribution phrase, else the subject of the sentence introducing it."""
    who = clause_speaker(s.clause) if s.clause else None
    if who is None and s.speaker:
        who = speaker_name(s.speaker)
    if who is None and s.intro:
        who = clause_subject(text, s.start, mentions)
    if who is None and s.subject_from is not None:
        who = sentence_subject(text, s.subject_from, s.start, mentions)
    return who


def headline_subject(headline: str) -> Mention | None:
    """The one person a headline names in full ('Meet Deputy District Attorney Jack Yeh'), or of several
    full names the one it gives a title ('Happy IT Professionals Day! Meet Senior IT Engineer Dustin Harger')."""
    named: dict[tuple[str, str], Mention] = {}
    for m in find_mentions(headline):
        if m.first:
            named.setdefault((name_key(m.first), name_key(m.last)), m)
    titled = [m for m in named.values() if m.title]
    return next(iter(named.values())) if len(named) == 1 else titled[0] if len(titled) == 1 else None
