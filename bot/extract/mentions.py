"""People named in a paragraph, each with the title the text gives them there.

One scan over the tokens tries, at each token, three steps in turn:
a titled mention ('DA John Creuzot', and the rest of a plural list: 'Investigators A and B'),
an untitled full name (with an appositive, an age or a role carried from 'the defendants as A, B'),
and a surname with a copula role ('Shively was the ringleader of ...').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.extract.lexicon import CONTACT_LABELS, HONORIFICS, PLURAL_LIST_ROLES, SUFFIXES
from bot.extract.titles import (
    appositive_description,
    copula_role,
    is_head,
    named_role,
    plural_role,
    pre_appositive,
    pre_description,
    title_before,
    victim_before,
)
from bot.extract.tokens import Token, is_name_word, plural_head, split_name, take_name, tokenize

_PLURAL_ROLE = re.compile(r"\b(?:the|The)\s+(" + "|".join(PLURAL_LIST_ROLES) + r")\s+as\s*$")


_CONTACT_NAME = re.compile(r"(?:^|\s)(" + "|".join(CONTACT_LABELS) + r"):\s+([A-Z][\w’'-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]+)")


@dataclass(slots=True)
class Mention:
    """A person named in a paragraph, with the title the text gives there (may be empty)."""

    first: str
    last: str
    full: str
    title: str
    start: int
    end: int
    free: bool = False  # a description set beside the name, kept even without a title word


@dataclass
class MentionScan:
    """The state of one paragraph's scan."""

    text: str
    toks: list[Token]
    out: list[Mention] = field(default_factory=list)
    used_until: int = 0  # tokens before this belong to a titled mention already read
    role: str = ""  # a plural role carried along a list of names ...
    role_until: int = -1  # ... up to this offset
    prev_end: int = 0  # end of the last untitled full name


def find_mentions(text: str) -> list[Mention]:
    """People named in a paragraph: titled ('DA John Creuzot'), appositive, speakers and bare full names."""
    scan = MentionScan(text, tokenize(text))
    contact_mentions(scan)
    i = 0
    while i < len(scan.toks):
        nxt = titled_mention(scan, i)
        if nxt is None:
            nxt = untitled_mention(scan, i)
        i = i + 1 if nxt is None else nxt
    return sorted(scan.out, key=lambda m: m.start)  # stable: a contact block's name in its place


def contact_mentions(scan: MentionScan) -> None:
    """'Contact: Tasha Tsiaperas Dallas County District Attorney’s Office': the first and last name after a
    contact block's label (the office that follows is not part of the name)."""
    for m in _CONTACT_NAME.finditer(scan.text):
        label, words = m.group(1), m.group(2).split()
        if all(is_name_word(w) for w in (words[0], words[-1])):
            first, last = split_name(words)
            scan.out.append(Mention(first, last, m.group(2), label, m.start(2), m.end(2)))


def titled_mention(scan: MentionScan, i: int) -> int | None:
    """A title head at toks[i] immediately followed by a name: record it, return the index after it."""
    text, toks, n = scan.text, scan.toks, len(scan.toks)
    tok = toks[i]
    role_list = not is_head(tok, toks[i - 1] if i else None) and _role_list_head(scan, i)
    if not ((role_list or is_head(tok, toks[i - 1] if i else None)) and i + 1 < n and not tok.breaks):
        return None
    j = take_name(toks, i + 1)
    if j <= i + 1 or (role_list and (j - i < 3 or not toks[j - 1].breaks)):
        return None
    words = [t.text for t in toks[i + 1:j]]
    first, last = split_name(words)
    if not last or (len(words) == 1 and j < n and toks[j - 1].breaks is False
                    and toks[j].text[:1].isupper() and toks[j].text not in SUFFIXES):
        return None
    k = i if tok.text in HONORIFICS else title_before(toks, i, scan.used_until)
    title = tok.text[:-1].lower() if role_list else text[toks[k].start:tok.end]  # 'Victims A and B': each a victim
    start, end = toks[i + 1].start, toks[j - 1].end
    app, free = appositive_description(text, end)
    scan.out.append(Mention(first, last, text[start:end], title, start, end))
    if app:
        scan.out.append(Mention(first, last, text[start:end], app, start, end, free=free))
    if victim_before(text[:toks[k].start]):  # 'the 1971 murder of 7-Eleven clerk Christy Bryant'
        scan.out.append(Mention(first, last, text[start:end], "victim", start, end))
    if plural_head(tok.text) or role_list:  # 'Investigators Doug Garrison and Ryan Rogers': each of them
        j = _list_members(scan, j, title)
    scan.used_until = j
    return j


def _role_list_head(scan: MentionScan, i: int) -> bool:
    """'Victims Tuyet Le, 46, and ...': a capitalized plural role noun opening a clause before full names
    (not a word of a title-case phrase: 'Brooklyn Special Victims Squad')."""
    toks = scan.toks
    return plural_role(toks[i].text) and (i == 0 or toks[i - 1].breaks or not toks[i - 1].text[:1].isupper())


def _list_members(scan: MentionScan, j: int, title: str) -> int:
    """Give `title` to the further full names of a list ('A, B, and C') starting at toks[j]."""
    text, toks, n = scan.text, scan.toks, len(scan.toks)
    while j < n:
        if toks[j].text.isdigit() and toks[j - 1].breaks and (toks[j].breaks or toks[j + 1:j + 2] and
                                                               toks[j + 1].text == "and"):
            j += 1  # 'A, 33, B, 32, and C': an age between the names
        if not (j < n and (toks[j - 1].breaks and text[toks[j - 1].end:toks[j].start].startswith(",")
                           or toks[j].text == "and")):
            break
        if toks[j - 1].breaks and toks[j - 1].text == "and":
            break
        k = j + 1 if toks[j].text == "and" else j
        e = take_name(toks, k)
        if e - k < 2:
            break
        first, last = split_name([t.text for t in toks[k:e]])
        scan.out.append(Mention(first, last, text[toks[k].start:toks[e - 1].end], title, toks[k].start,
                                toks[e - 1].end))
        j = e
    return j


def untitled_mention(scan: MentionScan, i: int) -> int | None:
    """A name at toks[i] with no title head before it: a full name (return the index after it), or a
    lone surname that a copula may give a role (the scan then moves on by one token)."""
    toks, n = scan.toks, len(scan.toks)
    tok = toks[i]
    if not (i >= scan.used_until and is_name_word(tok.text)
            and (i == 0 or not is_head(toks[i - 1]) or toks[i - 1].breaks)):
        return None
    j = take_name(toks, i)
    if j - i >= 2:  # 'Luis Cardona Jr., 26,': the suffix belongs to the name
        while j < n and toks[j].text in SUFFIXES and not toks[j - 1].text.endswith(","):
            j += 1
    followed = (j < n and not toks[j - 1].breaks and not toks[j].opens  # '(father and son)' ends the name
                and (toks[j].text[:1].isupper() or is_head(toks[j])))
    if followed:
        return None
    if j - i >= 2:
        full_name_mention(scan, i, j)
        return j
    if j - i == 1:
        copula_mention(scan, tok)
    return None


def copula_mention(scan: MentionScan, tok: Token) -> None:
    """A lone surname given a role by a copula ("Shively was the ringleader of ...") or by an appositive
    ("And Edwards, the jailhouse informant, admitted"; kept only where the release names them in full)."""
    role = copula_role(scan.text[tok.end:tok.end + 160])
    if role:
        scan.out.append(Mention("", tok.text, tok.text, role, tok.start, tok.end))
        return
    app, free = appositive_description(scan.text, tok.end)
    if app and not app[:1].isdigit():
        scan.out.append(Mention("", tok.text, tok.text, app, tok.start, tok.end, free=True))


def full_name_mention(scan: MentionScan, i: int, j: int) -> None:
    """Record the untitled full name toks[i:j]: once with a role stated before it (if any), once with
    its appositive (may be empty)."""
    text, toks = scan.text, scan.toks
    first, last = split_name([t.text for t in toks[i:j]])
    start, end = toks[i].start, toks[j - 1].end
    app, free = appositive_description(text, end)
    pre = _role_before(scan, start)
    if pre:
        scan.out.append(Mention(first, last, text[start:end], pre, start, end))
    for role in described_apart(text, start, end, bool(pre)):
        scan.out.append(Mention(first, last, text[start:end], role, start, end, free=role != "victim"))
    scan.prev_end = end
    scan.out.append(Mention(first, last, text[start:end], app, start, end, free=free))


def described_apart(text: str, start: int, end: int, has_role: bool) -> list[str]:
    """Roles the text gives the name text[start:end] away from a title: the victim of a crime named before
    it, 'a jailhouse informant named NAME', 'Contact: NAME', and a comma-set description opening the
    sentence ('The state’s first witness, NAME,')."""
    before = text[max(0, start - 300):start]
    roles = []
    if victim_before(before):
        roles.append("victim")
    role = named_role(before)
    if role:
        roles.append(role)
    if not has_role and re.match(r"\s?,", text[end:end + 2]):
        desc = pre_description(text[:start][-201:] if start > 200 else text[:start])
        if desc:
            roles.append(desc)
    return roles


def _role_before(scan: MentionScan, start: int) -> str:
    """The role the text gives just before a name ('the alleged mastermind of the ring, NAME'), or the
    plural role of a list it belongs to ('identified the defendants as A, B and C')."""
    text = scan.text
    before = text[max(0, start - 120):start]
    pre = pre_appositive(before)
    plural = _PLURAL_ROLE.search(before)
    if plural:  # "identified the defendants as A, B and C": each of the list
        scan.role, scan.role_until = plural.group(1)[:-1], text.find(". ", start) % (len(text) + 1)
        return scan.role
    # the list goes on: 'A, B and C', or with ages and semicolons 'A, 46; B, 50; and C, 57'
    if scan.role and start < scan.role_until and re.fullmatch(r",?\s*(?:\d{1,3}\s*[,;]?\s*)?(?:and\s+)?",
                                                              text[scan.prev_end:start]):
        return pre or scan.role
    return pre
