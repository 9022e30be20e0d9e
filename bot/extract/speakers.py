"""Who an attribution phrase names: 'DA Stephan' in '…,” said DA Stephan', or the person opening the
sentence that introduces a quotation."""

from __future__ import annotations

import re

from bot.extract.lexicon import CLAUSE_WORDS, CONNECTORS, HONORIFICS, RELATIVE, SUFFIXES
from bot.extract.mentions import Mention
from bot.extract.titles import is_head, title_before
from bot.extract.tokens import INITIAL, Token, is_name_word, split_name, take_name, tokenize

# Words that tie a capitalized word to the phrase before it: a part of an organisation or a place
# ("Department of Fish and Wildlife", "the Dallas Police Department"), not a person's name.
_LINKS = frozenset({"the", "of", "and", "&", "for", "a", "an", "at", "in", "from", "to", "by", "with", "on"})
_RUNS_ON = frozenset({"and", "&", "of", "for"})
_ENDS_CLAUSE = RELATIVE | CLAUSE_WORDS | {"adding", "noting", "stating", "remarking", "that"}
_POSSESSIVE = ("’s", "'s", "’", "'")


def speaker_name(phrase: str) -> tuple[str, str, str] | None:
    """(first, last, title) of the person in an attribution phrase such as 'DA Stephan' or 'said Barr'."""
    toks = list(tokenize(phrase))
    trimmed = False
    while toks and toks[-1].text[:1].islower() and len(toks) > 1:
        toks.pop()  # "said Prosecutor Glen Fitzmartin one of the three prosecutors": trailing words
        trimmed = True
    if trimmed and toks[-1].breaks:
        return None  # "Smith’s attorney": the speaker is not Smith
    # the name is the last run of name words; a title may precede it
    j = len(toks)
    while j > 0 and toks[j - 1].text in SUFFIXES:
        j -= 1
    i = j
    while i > 0 and (is_name_word(toks[i - 1].text) or INITIAL.match(toks[i - 1].text)) and j - i < 4:
        i -= 1
    if i == j:
        return None
    words = [t.text for t in toks[i:j]]
    first, last = split_name(words)
    if not last:
        return None
    title = ""
    if i > 0 and is_head(toks[i - 1]):
        k = title_before(toks, i - 1, 0)
        title = " ".join(t.text for t in toks[k:i])
    elif (i > 1 and toks[i - 1].text not in CONNECTORS and toks[i - 1].text[:1].islower()
          and not toks[i - 1].breaks):
        return None  # "the victim Smith said": a name inside a longer phrase, not the speaker's
    return first, last, title


def clause_speaker(clause: str) -> tuple[str, str, str] | None:
    """(first, last, title) of the person a verb-first attribution names, read to the end of its clause:
    the first name in it that is a person's, with everything before it as the title or descriptor.

    'California Department of Fish and Wildlife Deputy Director and Chief of Enforcement David Bess',
    'President of APA, David LaBahn', 'the victim's cousin, Lena Marsh', 'DA Stephan'. A capitalized word
    run on into another ('California Department', 'Springdale Chief'), tied to the phrase before it by
    'of', 'and', 'the' ... ('of Fish'), or possessive ('Smith’s attorney') is part of a title, an
    organisation or a place; a relative or finite verb ('who', 'was') ends the clause."""
    toks = tokenize(clause)
    i = 0
    while i < len(toks):
        if toks[i].text in _ENDS_CLAUSE and i > 0:
            return None
        j = take_name(toks, i) if is_name_word(toks[i].text) else i
        if j == i:
            i += 1
            continue
        start = _person_start(clause, toks, i, j)
        if start is None:
            i = j
            continue
        first, last = split_name([t.text for t in toks[start:j]])
        title = clause[:toks[start].start].strip().strip(",").strip()
        return first, last, title
    return None


def _person_start(clause: str, toks: list[Token], i: int, j: int) -> int | None:
    """Where the person's name begins in the name run toks[i:j], or None when the run is not a person's."""
    nxt = toks[j] if j < len(toks) else None
    joined = nxt is not None and not toks[j - 1].breaks and not nxt.opens and not clause[
        toks[j - 1].end:nxt.start].strip()  # only a space between the run and the next word
    if joined and nxt is not None and (nxt.text[:1].isupper() or is_head(nxt)):
        return None  # 'California Department', 'Springdale Chief': words of a longer name or title
    if clause[toks[j - 1].end:toks[j - 1].end + 2].startswith(_POSSESSIVE):
        return None  # 'Smith’s attorney': the speaker is not Smith
    prev = toks[i - 1] if i else None
    if j - i >= 2 and is_head(toks[i], prev):
        return i + 1  # 'Chief of Staff Susan Kang Schroeder': 'Staff' ends the title
    titled = prev is not None and not prev.breaks and (is_head(prev) or prev.text in HONORIFICS)
    if prev is not None and not prev.breaks and prev.text in _LINKS:
        # 'of Fish', 'the Dallas Police': an organisation; 'of Enforcement David Bess' ending the clause:
        # its last two name words (an initial aside) are the person's
        words = [k for k in range(i, j) if not INITIAL.match(toks[k].text)]
        return words[-2] if len(words) >= 3 and nxt is None else None
    if j - i == 1 and not titled and joined and (i > 0 or nxt is not None and nxt.text in _RUNS_ON):
        return None  # 'Fish and Wildlife Chief ...', 'Navy Region Southwest spokesman ...': one bare word
        # running on into a phrase is a part of it (a bare surname opens its clause: 'said Barr at ...')
    return i


def sentence_subject(text: str, sentence_from: int, quote_start: int,
                     mentions: list[Mention]) -> tuple[str, str, str] | None:
    """The person opening the sentence that starts at `sentence_from`, after at most a title: 'Lu-Shawn
    Thompson, Ken’s widow, said, “…', 'Dallas County District Attorney John Creuzot praised …, stating,
    “…'. None when the sentence opens with anything else ('While inside of Del Liquors, the defendant …')."""
    for m in mentions:
        if not m.first or not sentence_from <= m.start < quote_start:
            continue
        if text[m.end:m.end + 2].startswith(_POSSESSIVE):
            continue  # 'Samuel Herr’s father, Steve Herr, stated': the speaker is the father
        lead = text[sentence_from:m.start].strip()
        titled = m.title and lead.endswith(m.title) and len(lead) - len(m.title) <= 3
        # a short lead ending in a comma is a descriptor or an opening phrase ('After the verdict, ')
        if lead and not titled and not (lead.endswith(",") and len(lead.split()) <= 6):
            return None
        return m.first, m.last, m.title
    return None


def clause_subject(text: str, quote_start: int, mentions: list[Mention]) -> tuple[str, str, str] | None:
    """The person opening the sentence that introduces a quotation: 'Former Chief Judge Jonathan Lippman,
    Launch Committee Co-Chair and current Counsel at Latham & Watkins LLP said, “…”'."""
    for m in mentions:
        between = text[m.end:quote_start]
        if m.first and m.end <= quote_start and len(between) <= 200 and not re.search(r"[.!?”]\s", between):
            return m.first, m.last, m.title
    return None
