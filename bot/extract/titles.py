"""Titles: the words before a name ('District Attorney Kim Ogg'), after it ('Kim Ogg, the District
Attorney'), and the one clean form a person holds ('Investigators' -> 'Investigator')."""

from __future__ import annotations

import re

from bot.extract.lexicon import (
    AGENT_VERBS,
    CLAUSE_WORDS,
    CONNECTORS,
    CRIME_GERUNDS,
    CRIME_NOUNS,
    DETERMINERS,
    MODIFIERS,
    NUMBER_WORDS,
    OFFICIAL,
    PHRASE_BREAKS,
    PRONOUNS,
    RELATIVE,
    ROLE_NOUNS,
    TIME_NOUNS,
    TITLE_FRAGMENT_STARTS,
    TITLE_HEADS,
    TITLE_STOP,
)
from bot.extract.tokens import Token, is_name_word, plural_head

_LEADING_JUNK = re.compile(r"^(?:(?:the|a|an)\s+)+")
_AND = re.compile(r"\s+(?:and|&)\s+")
_OWNER_PRONOUN = re.compile(r"(?:his|her|their)\s+")
_NOT_TITLE_START = re.compile(r"(?:" + "|".join(TITLE_FRAGMENT_STARTS) + r")\b")


def clean_title(title: str, free: bool = False) -> str:
    """A title as one person holds it: 'Investigators' (from a list) -> 'Investigator', 'Homicide Bureau and
    Assistant District Attorney' -> 'Assistant District Attorney', 'and son' -> ''. `free`: a description
    the text sets beside the name ('a jailhouse informant named NAME'), kept without a title word."""
    title = " ".join(title.split())
    if free:
        return _LEADING_JUNK.sub("", title)
    owner = _OWNER_PRONOUN.match(title)
    if owner and described(title[owner.end():]):
        return title  # a relation to someone just named: 'his wife', 'her 15-year-old daughter'
    if _NOT_TITLE_START.match(title) or title.casefold().rstrip(".") in ("mr", "mrs", "ms"):
        return ""  # a fragment of a list, a clause or a phrase, not a title
    title = _LEADING_JUNK.sub("", title)
    parts = _AND.split(title)
    if len(parts) > 1 and any(w in TITLE_HEADS or plural_head(w) for w in parts[-1].split()):
        title = parts[-1]
    words = title.split()
    if not words or not any(w.strip("()") in TITLE_HEADS or plural_head(w) or w.lower() in ROLE_NOUNS
                            or w[:1].isdigit() for w in words) and not title[:1].isupper():
        return ""
    paren = next((i for i, w in enumerate(words) if w.startswith("(")), len(words))
    last = paren - 1
    if last >= 0 and plural_head(words[last]) and not (last > 0 and words[last - 1] == "of"):
        words[last] = words[last][:-1]  # one person of a plural list: 'Deputy District Attorneys X and Y'
    return " ".join(words)


def title_names_office(title: str) -> bool:
    """Some OFFICIAL word occurs anywhere in the title, even inside a word: 'KCDA Analyst' (DA),
    'Officers'. Who a release is about (people_in, lede subjects) has always been judged this way."""
    return any(w in title for w in OFFICIAL)


def title_has_office_word(title: str) -> bool:
    """Some OFFICIAL word is a whole word of the title: 'District Attorney', not 'KCDA Analyst'.
    Nickname merging has always been judged this way; the two differ for ~40 people of the corpus,
    so both are kept rather than change answers."""
    words = title.split()
    return any(w in words for w in OFFICIAL)


# -- the title before a name ----------------------------------------------------------------------
def is_title_word(tok: Token) -> bool:
    w = tok.text
    return (w[:1].isupper() or w in CONNECTORS or w.lower() in MODIFIERS or bool(re.match(r"^\d+(?:st|nd|rd|th)?-", w))
            or w.lower() in ROLE_NOUNS)


def is_head(tok: Token, prev: Token | None = None) -> bool:
    """A word that ends a title written before a name ('Attorney', 'Investigators', 'man')."""
    if tok.text in ("Staff", "Police") and prev is not None and prev.text == "of":
        return True  # "Chief of Staff", "Chief of Police"
    return tok.text in TITLE_HEADS or plural_head(tok.text) or tok.text.lower() in ROLE_NOUNS


def plural_role(word: str) -> bool:
    """'Victims', 'Defendants': a capitalized plural role noun heading a list of names."""
    return word[:1].isupper() and word.endswith("s") and word[:-1].lower().rsplit("-", 1)[-1] in ROLE_NOUNS


def title_before(toks: list[Token], head: int, floor: int) -> int:
    """First index of the title phrase ending at toks[head] (walking back over title-ish words)."""
    k = head
    while k - 1 >= floor and head - (k - 1) < 10:
        t = toks[k - 1]
        if t.breaks or toks[k].opens:
            break
        if not is_title_word(t) or t.text in TITLE_STOP:
            break
        if t.text == "and" and k - 2 >= floor and is_name_word(toks[k - 2].text):
            break
        k -= 1
    while k < head and (toks[k].text in CONNECTORS or toks[k].text.lower() in ("the", "a", "an")):
        k += 1
    return k


# -- the title after a name (appositives) and role descriptions -----------------------------------
_APP_WORD = r"(?:(?:[A-Z]\.){2,}|[\w’'“”\"&/-]+)"
_APPOSITIVE = re.compile(
    rf"^,\s+(the |a |an )?((?:{_APP_WORD} ){{0,15}}?{_APP_WORD})(?=[,;:]|\s?\(|\.(?![A-Za-z])|\s+(?:who|which|that|was|is|has|had|will)\b|$)")
_AGE = re.compile(r"^,\s+(\d{1,3}),\s+((?:of\s+)?[A-Z][\w’' .-]{1,40}?)(?=[,.;(]|\s+(?:was|is|has|had|and|who)\b|$)")
_AS_A = re.compile(r"^,\s+\d{1,3},\s+(?:as\s+|(?:is|was)\s+)?(?:a|an|the|another)\s+([^,.;]{3,60}?)(?=\s+(?:connected|who|that|in|for|after|when)\b|[,.;]|$)")
_OWNER = r"(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w-]*(?:’s|'s|’|')\s+"  # 'Mario Frias’ ' in 'who is Mario Frias’ wife'
_COPULA = re.compile(r"^(?:,\s+who)?\s+(?:(?:was|is)\s+(?:(?:[a-z]+ly|also|now)\s+)?(?:(?:the|a|an)\s+|(?=" + _OWNER + r"))|(?:served|serves|worked|works)\s+as"
                     r"(?:\s+(?:the|a|an))?\s+)((?:" + _OWNER + r")?(?:former\s+|alleged\s+)?[\w’'-]+(?:\s+(?:of|in|for|and|[\w’'-]+)){0,7}?)(?=[,.;:]|\s+(?:who|that|when|while|since|until|from|between|during|before|after)\b"
                     r"|\s+and\s+(?!(?:a|an|the|former|then)\b)(?:[a-z]+ed|is|was|has|had)\b)")
_ARTICLE = re.compile(r"\b(?:[Tt]he|[Aa]n?|(?P<owner>[Hh]is|[Hh]er|[Tt]heir))\s+")
_PRE_END = re.compile(r"^((?:[\w’'“”-]+\s+){0,8}?[\w’'“”-]+)(?:,(?:\s+\d{1,3}-year-old)?|\s+as)\s*$")
_AND_VERB = re.compile(r"\s+and\s+(?!(?:a|an|the|former|then)\b)([a-z]+)\b.*$")


def role_only(phrase: str) -> str:
    """'the restaurant’s president and ran the operations' -> 'restaurant’s president'."""
    m = _AND_VERB.search(phrase)
    if m and m.group(1) not in ROLE_NOUNS and m.group(1) not in MODIFIERS:
        phrase = phrase[:m.start()]
    return phrase.strip()


def described(phrase: str) -> bool:
    """A role description: has a title or role noun, and no verb ('identified', 'said')."""
    words = [w.strip("“”\".,") for w in phrase.split()]
    verbish = any(w in CLAUSE_WORDS or (w.endswith("ed") and w.islower() and w not in MODIFIERS)
                  for w in words)
    return not verbish and any(w in TITLE_HEADS or w.lower().rsplit("-", 1)[-1] in ROLE_NOUNS for w in words)


def pre_appositive(before: str) -> str:
    """'the alleged mastermind of the ring, NAME' / 'identified the defendant as NAME' -> the role."""
    for art in reversed(list(_ARTICLE.finditer(before))):
        m = _PRE_END.match(before[art.end():])
        if m and described(m.group(1)):  # a possessive stays: 'his wife, 32-year-old NAME' -> 'his wife'
            return f"{art.group('owner')} {m.group(1)}" if art.group("owner") else m.group(1)
    return ""


def copula_role(rest: str) -> str:
    """The role a copula gives right after a name: ' was the ringleader of the crew' -> 'ringleader ...'."""
    m = _COPULA.match(rest)
    if m and described(role_only(m.group(1))):
        return role_only(m.group(1))
    return ""


def appositive(text: str, end: int) -> str:
    """A title given after a name: 'Kim Ogg, the District Attorney' or 'Justin Schmitt, 37, Colorado'."""
    return appositive_description(text, end)[0]


def appositive_description(text: str, end: int) -> tuple[str, bool]:
    """(`appositive`, free): free when it is a lowercase description with no title word ('a career
    criminal'), which a title's clean-up would otherwise drop."""
    rest = text[end:end + 160]
    if re.match(r"\s+,", rest):  # 'Ortega , president of': the stray space of a re-joined line
        rest = rest.lstrip()
    m = _AS_A.match(rest) or _COPULA.match(rest)
    if m and described(role_only(m.group(1))):
        return role_only(m.group(1)), False
    m = _AS_A.match(rest)  # 'NAME, 61, was a nighttime chef at ...': an age, then any noun after an article
    if m and _noun_phrase(role_only(m.group(1)).split()) and _free_phrase(role_only(m.group(1)).split()):
        return _free_phrase(role_only(m.group(1)).split()), True
    m = _COPULA.match(rest)  # 'NAME is currently a unified welterweight world champion boxer'
    if m and re.match(r"^(?:,\s+who)?\s+(?:was|is)\b", rest) and _noun_phrase(m.group(1).split()):
        return _free_phrase(m.group(1).split()), True
    role = agent_role(rest)
    if role:
        return role, False
    m = _AGE.match(rest)
    if m:
        if re.match(r",\s+\d{1,3}\b", rest[m.end():]):
            return "", False  # 'A, 22, B, 19': a list of people and their ages, not a hometown
        return f"{m.group(1)}, {m.group(2).strip()}", False
    m = _APPOSITIVE.match(rest)
    if not m:
        return "", False
    phrase = _appositive_phrase(m.group(2).strip(), bool(m.group(1)))
    return phrase, bool(phrase) and not any(w.strip("“”\".,") in TITLE_HEADS or w.lower() in ROLE_NOUNS
                                            for w in phrase.split())


_AGENT = re.compile(r"^,\s+who\s+(" + "|".join(AGENT_VERBS) + r")\s+((?:the|a|an|[A-Z][\w’'-]*)\b[^,.;:“”]{0,70}?)"
                    r"(?=[,.;:]|\s+(?:to|in|after|where|when|since|and|who|that|from|until|for)\b|$)")


def agent_role(rest: str) -> str:
    """'NAME, who founded the non-profit Street Racing Kills to educate' -> 'founder of the non-profit Street
    Racing Kills': a relative clause whose verb names the agent's role, with its object."""
    m = _AGENT.match(rest)
    if not m:
        return ""
    obj = re.sub(r"(?:\s+(?:and|or|of|the|a|an))+$", "", m.group(2).strip())
    return f"{AGENT_VERBS[m.group(1)]} of {obj}"


def _appositive_phrase(phrase: str, article: bool = False) -> str:
    """The phrase after 'NAME, ' if it is this person's title, else ''. After an article ('NAME, a medical
    examiner hired by the family', 'NAME, the widow of ...') any lowercase noun phrase describes them."""
    words = phrase.split()
    if not words or words[0].isdigit():
        return ""
    heads = [w.strip("“”\".,") for w in words]
    if any(w in CLAUSE_WORDS for w in heads) or heads[0].lower() in RELATIVE:
        return ""  # a clause ('where she worked as a Correction Officer'), not a title
    if heads[0].islower() and heads[0].endswith("ed") and heads[0] not in MODIFIERS:
        return ""  # a verb ('NAME, died and her mother sustained serious injuries'), not a description
    for a, b in zip(heads, heads[1:], strict=False):
        if a in TITLE_HEADS and is_name_word(b) and heads[-1] not in TITLE_HEADS:
            return ""  # a list of other titled people ('Chief Information Officer' ends in a head: a title)
    related = article and any(w in ("of", "to", "for") for w in heads[1:-2])  # 'the widow of ... Gene Harbrecht'
    if (len(heads) >= 3 and is_name_word(heads[-1]) and is_name_word(heads[-2])
            and heads[-3] not in ("of", "at", "for", "with", "the") and not related):
        return ""  # ends in someone else's name (not an organisation: 'president of the ... Bar Association')
    if any(w in TITLE_HEADS or w.lower() in ROLE_NOUNS for w in heads):
        return phrase
    if article and _noun_phrase(heads[:8]):
        return _free_phrase(words)
    return ""


def _free_phrase(words: list[str]) -> str:
    """A lowercase description up to its first verb ('medical examiner hired by the family' -> 'medical
    examiner'), without a dangling connector ('group and')."""
    cut = next((k for k, w in enumerate(words) if k and w.islower() and w.endswith("ed") and w not in MODIFIERS),
               len(words))
    words = words[:cut]
    while words and words[-1] in ("and", "or", "of", "the", "a", "an", "with", "for", "in", "to", "be"):
        words.pop()
    return " ".join(words)


def is_noun_phrase(words: list[str]) -> bool:
    """A description headed by a lowercase noun, no verb of a clause: 'actor', 'career criminal'."""
    return _noun_phrase(words) and not any(w.endswith("ed") and w not in MODIFIERS for w in words)


def _noun_phrase(words: list[str]) -> bool:
    """A description headed by a lowercase noun ('career criminal', 'medical examiner hired by the family'):
    its first noun-ish word lowercase, not a word of time ('a day later'), no verb of a clause."""
    core = [w for w in words if w]
    if not core or not re.fullmatch(r"[a-z\d][\w’'-]*", core[0]):
        return False
    return not any(w.lower() in TIME_NOUNS or w in CLAUSE_WORDS or w.lower() in PRONOUNS or w.lower() in NUMBER_WORDS
                   for w in core)


# -- descriptions written apart from a name --------------------------------------------------------
_CRIME_BEFORE = re.compile(
    r"\b(?:(?:" + "|".join(CRIME_NOUNS) + r")\s+of|" + "|".join(CRIME_GERUNDS) + r")\s+"
    r"(?:(?!(?:" + "|".join(PHRASE_BREAKS) + r")\b)[\w’'-]+\s+){0,6}$")
_NAMED = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w’'-]+\s+){0,5}?[a-z][\w’'-]*)\s+(?:named|called)\s+$")
_POSSESSIVE = re.compile(r"[A-Z][\w-]*(?:’s|'s|’|')")


def victim_before(before: str) -> bool:
    """'the murder of NAME', 'the 1971 murder of 7-Eleven clerk NAME', 'killing NAME': the name that follows
    is the victim of the crime (`before`: the text up to the name, or up to the title written before it)."""
    return bool(_CRIME_BEFORE.search(before[-100:]))


def named_role(before: str) -> str:
    """'a jailhouse informant named NAME' -> 'jailhouse informant'."""
    m = _NAMED.search(before[-80:])
    if m and _noun_phrase(m.group(1).split()):
        return m.group(1)
    return ""


def pre_description(before: str) -> str:
    """A noun phrase opening the sentence, set off by a comma before a name that a comma also closes:
    'The state’s first witness, NAME, testified' / 'Groves’ ex-girlfriend, NAME, was' -> the phrase."""
    m = re.search(r",\s*$", before[-200:])
    if not m:
        return ""
    head = before[-200:][:m.start()]
    k = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("; "), head.rfind("\n"))
    phrase = head[k + 1:].strip() if k >= 0 else head.strip()
    words = phrase.split()
    if not 2 <= len(words) <= 8 or "," in phrase or (k < 0 and len(before) > 200):
        return ""
    det = words[0]
    if not (det in DETERMINERS or _POSSESSIVE.fullmatch(det)):
        return ""
    rest = [w.strip("“”\"") for w in words[1:]]
    dets = {d.lower() for d in DETERMINERS}  # after a determiner an -ed word is an adjective ('the charged defendants')
    verbish = any(w.endswith("ed") and w.islower() and w not in MODIFIERS and (k == 0 or rest[k - 1] not in dets)
                  for k, w in enumerate(rest))
    if verbish or not re.fullmatch(r"[a-z][a-z-]+", rest[-1]) or not _noun_phrase(rest):
        return ""
    return phrase
