"""Reading people out of text: capitalized runs split into titles and names, speaker attributions.

Everything works on the original paragraph text; spans index into it so snippets stay verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.textnorm import fold_accents

# Words that end a title written before a name ("... District Attorney Kim Ogg").
TITLE_HEADS = frozenset("""
Attorney Attorneys General DA ADA DDA AUSA SDA Chief Judge Justice Detective Detectives Det. Officer Officers
Sergeant Sgt. Lieutenant Lt. Captain Capt. Commissioner Director Investigator Investigators Agent Agents
Inspector Superintendent Mayor Governor Gov. Senator Sen. Councilmember Councilman Councilwoman Supervisor
Prosecutor Prosecutors President Secretary Marshal Trooper Deputy Sheriff Sheriff-Coroner Assemblymember
Assemblyman Assemblywoman Representative Rep. Congressman Congresswoman Chair Chairman Chairwoman Paralegal
Analyst Advocate Manager Coordinator Specialist Engineer Administrator Counsel Clerk Professor Principal
Founder Executive Commander Speaker Partner Dr. Reverend Rev. Pastor Bishop Chaplain Warden Examiner Coroner
Counselor Doctor Charge CEO Officer Head Leader Lead Defender Prosecutor Nurse Teacher Coach Firefighter
Patrolman Patrolwoman Constable Ranger Auditor Controller Treasurer Assessor Comptroller Ombudsman Mr. Ms. Mrs.
Honorable Hon. Killer Man Woman Bandit Rapist Felon Father Mother Striker THIRD-STRIKER Salesman Trafficker Fugitive
""".split())
# Lowercase role nouns ending a descriptor before a name ("63-year-old Staten Island man James Burrus").
ROLE_NOUNS = frozenset("""
man woman men women father mother husband wife son daughter boy girl teen teenager juvenile defendant
suspect victim salesman fugitive burglar killer bandit ringleader leader felon driver nurse teacher doctor
employee owner worker resident student member gunman shooter trafficker dealer pimp molester rapist striker
inmate officer deputy tenant landlord contractor manager agent attorney lawyer investigator detective
mastermind associate coach pastor priest volunteer caregiver therapist neighbor boyfriend girlfriend partner
founder executive accountant bookkeeper guard soldier veteran official clerk cashier mechanic physician
dentist chiropractor pharmacist thief robber prosecutor judge sergeant paralegal analyst advocate
person ringleader organizer fugitive salesman treasurer operator proprietor co-founder cofounder consultant
broker supervisor foreman developer president director chairman chairwoman secretary
""".split())
MODIFIERS = frozenset("""former then-acting acting alleged convicted serial self-proclaimed accused admitted
reputed disgraced retired veteran longtime local senior chief interim suspected registered licensed
unlicensed certified trained sworn elected appointed married divorced estranged disbarred suspended""".split())
CONNECTORS = frozenset({"of", "the", "for", "in", "and", "&", "on", "at"})
# Words that never begin a title, so a backward walk stops before them.
TITLE_STOP = frozenset("""Meet Congratulations Thanks Thank Welcome Join Contact Please Photo Pictured Attention
Today Yesterday When After Before During While Since As If And But Or So Then Also Both Many Some Most Several
Each All Congratulates Announces Honors Welcomes Recognizes Names Appoints Commends Applauds Praises Mourns
Remembers Swears Promotes Elects Celebrates Salutes Thanks Joins Hires Introduces Statement""".split())
# Capitalized words that are never part of a person's name.
NOT_NAME = frozenset("""
The A An And Of In On At To For From By With As But Or If When While After Before During Since Under Over
He She His Her They Their It Its This That These Those There Here We Our You Your I Mr Ms Mrs
County Counties Police Department Office Offices District Court Courts Superior Supreme Criminal Street
Road Avenue Boulevard Blvd Drive Lane Way Highway Freeway Parkway Expressway Unit Division Bureau Task Force
State States United City Town Village University College School High Center Centre Hospital Church Jail
Prison Sheriff's Attorney's Department's Agency Administration Service Services Commission Board
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Operation Project Program Act Law Code Section
Press Release News Update Media Advisory Case Count Counts Penal Health Safety Public Federal National
North South East West Northern Southern Eastern Western Central New Fort Saint St San Santa Los Las
Said Says According Today Yesterday Tomorrow Judge Justice Jury Grand Deputy Senior Assistant Special
Detective Officer Sergeant Chief Investigator Attorney General District Agent Inspector Mayor Governor
Senator Supervisor Prosecutor Director Commissioner Captain Lieutenant Trooper Marshal Secretary President
Defendant Defendants Victim Victims Suspect Suspects Man Woman DA ADA DDA SDPD LAPD NYPD DPD OCDA CHP FBI
ATF DEA HSI ICE DOJ USA OC GRIP AB SB PC II III IV Jr Sr Jr. Sr.
Honorable Hon Plaintiff Plaintiffs Guarantor Meet Dear Congratulations Thanks Thank Welcome Join Contact Please
Photo Pictured Attention Former Acting Then Interim Retired Late Both Each Every All Many Several
Alleged Convicted Accused Suspected Serial Sentenced Convicted Charged Pleads Pleaded Arrested Indicted Found
Gets Receives Accused Arraigned Admits Faces Held Ordered Released Extradited Honored Named Joins Announces
Wins Guilty Sentence Sentencing Murder Manslaughter Robbery Capital Trial Verdict Jury Releases Launches
Honors Honored Warns Urges Seeks Files Filed Reaches Secures Obtains Hosts Hosted Celebrates Recognizes
Later Also However Meanwhile Additionally Previously Currently Finally Earlier Now Then Instead Moreover
Announce Announced Announcing Indictment Indictments Arrest Arrests Charges Conviction Convictions Results
Statement Statements Update Plea Pleas Reward Lawsuit Settlement Investigation Takedown Sweep
Corp Corp. Inc Inc. LLC Co Company Corporation Association Foundation Group Bank Club Coalition Council
Island Against Codefendant Codefendants Co-defendant Co-defendants
""".split())
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
ABBREVIATIONS = frozenset({"U.S.", "Det.", "Sgt.", "Lt.", "Capt.", "Gov.", "Sen.", "Rep.", "Dr.", "St.",
                           "Mr.", "Ms.", "Mrs.", "Jr.", "Sr.", "Rev.", "Asst.", "Dist.", "Atty.", "N.Y.",
                           "L.A.", "D.C."})
SPEECH_VERBS = r"(?:said|says|stated|states|added|adds|explained|noted|remarked|declared|commented|continued|told)"

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_NAME_WORD = re.compile(rf"^(?:[{_UP}][’']|Mc|Mac|La|Le|De|Di|Da|Du|Van)?[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?$")
_INITIAL = re.compile(rf"^[{_UP}]\.$")
_TOKEN = re.compile(r"\S+")
_TRAIL = "”\"’'),;:.!?]"
_LEAD = "“\"‘'(["


@dataclass(slots=True)
class Token:
    text: str  # without surrounding punctuation
    start: int
    end: int
    breaks: bool  # punctuation after it ends a phrase (comma, period, quote...)
    opens: bool  # punctuation before it (opening quote, parenthesis)


@dataclass(slots=True)
class Mention:
    """A person named in a paragraph, with the title the text gives there (may be empty)."""

    first: str
    last: str
    full: str
    title: str
    start: int
    end: int
    kind: str  # "titled", "appositive", "bare", "speaker"


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens with their outer punctuation peeled off (abbreviations keep their dots)."""
    out = []
    for m in _TOKEN.finditer(text):
        raw, s, e = m.group(), m.start(), m.end()
        opens = False
        while raw and raw[0] in _LEAD:
            raw, s, opens = raw[1:], s + 1, True
        breaks = False
        for poss in ("’s", "'s", "’", "'"):
            if raw.endswith(poss) and len(raw) > len(poss) + 1 and raw[-len(poss) - 1].isalpha() and (
                    poss.endswith("s") or raw[-2] == "s"):
                raw, e, breaks = raw[: -len(poss)], e - len(poss), True
                break
        while raw and raw[-1] in _TRAIL:
            if raw[-1] == "." and (raw in ABBREVIATIONS or _INITIAL.match(raw) or re.fullmatch(r"(?:[A-Z]\.)+", raw)):
                break
            raw, e, breaks = raw[:-1], e - 1, True
        if raw:
            out.append(Token(raw, s, e, breaks, opens))
    return out


def _plural_head(word: str) -> bool:
    return word.endswith("s") and word[:-1] in TITLE_HEADS


def is_name_word(word: str) -> bool:
    return (bool(_NAME_WORD.match(word)) and word not in NOT_NAME and word not in TITLE_HEADS
            and not _plural_head(word))


_LEADING_JUNK = re.compile(r"^(?:(?:the|a|an)\s+)+")
_AND = re.compile(r"\s+(?:and|&)\s+")
_NOT_TITLE_START = re.compile(r"(?:and|or|&|of|who|whose|which|that|along|with|including|among|for|from|in|on|at|"
                              r"by|to|as|my|his|her|their|our|its|is|was)\b")


def clean_title(title: str) -> str:
    """A title as one person holds it: 'Investigators' (from a list) -> 'Investigator', 'Homicide Bureau and
    Assistant District Attorney' -> 'Assistant District Attorney', 'and son' -> ''."""
    title = " ".join(title.split())
    if _NOT_TITLE_START.match(title) or title.casefold().rstrip(".") in ("mr", "mrs", "ms"):
        return ""  # a fragment of a list, a clause or a phrase, not a title
    title = _LEADING_JUNK.sub("", title)
    parts = _AND.split(title)
    if len(parts) > 1 and any(w in TITLE_HEADS or _plural_head(w) for w in parts[-1].split()):
        title = parts[-1]
    words = title.split()
    if not words or not any(w.strip("()") in TITLE_HEADS or _plural_head(w) or w.lower() in ROLE_NOUNS
                            or w[:1].isdigit() for w in words) and not title[:1].isupper():
        return ""
    paren = next((i for i, w in enumerate(words) if w.startswith("(")), len(words))
    last = paren - 1
    if last >= 0 and _plural_head(words[last]) and not (last > 0 and words[last - 1] == "of"):
        words[last] = words[last][:-1]  # one person of a plural list: 'Deputy District Attorneys X and Y'
    return " ".join(words)


def _is_title_word(tok: Token) -> bool:
    w = tok.text
    return (w[:1].isupper() or w in CONNECTORS or w.lower() in MODIFIERS or bool(re.match(r"^\d+(?:st|nd|rd|th)?-", w))
            or w.lower() in ROLE_NOUNS)


def _is_head(tok: Token, prev: Token | None = None) -> bool:
    if tok.text in ("Staff", "Police") and prev is not None and prev.text == "of":
        return True  # "Chief of Staff", "Chief of Police"
    return tok.text in TITLE_HEADS or _plural_head(tok.text) or tok.text.lower() in ROLE_NOUNS


def _take_name(toks: list[Token], i: int) -> int:
    """Index just past the name starting at toks[i] (0 words if none)."""
    j = i
    while j < len(toks) and j - i < 5:
        w = toks[j].text
        if is_name_word(w) or (_INITIAL.match(w) and j > i) or (w in SUFFIXES and j > i):
            j += 1
            if toks[j - 1].breaks and not (j < len(toks) and toks[j].text in SUFFIXES):
                break
            continue
        break
    while j > i and (toks[j - 1].text in SUFFIXES or _INITIAL.match(toks[j - 1].text)):
        j -= 1
    return j


def _title_before(toks: list[Token], head: int, floor: int) -> int:
    """First index of the title phrase ending at toks[head] (walking back over title-ish words)."""
    k = head
    while k - 1 >= floor and head - (k - 1) < 10:
        t = toks[k - 1]
        if t.breaks or toks[k].opens:
            break
        if not _is_title_word(t) or t.text in TITLE_STOP:
            break
        if t.text == "and" and k - 2 >= floor and is_name_word(toks[k - 2].text):
            break
        k -= 1
    while k < head and (toks[k].text in CONNECTORS or toks[k].text.lower() in ("the", "a", "an")):
        k += 1
    return k


def _split_name(words: list[str]) -> tuple[str, str]:
    core = [w for w in words if w not in SUFFIXES and not _INITIAL.match(w)]
    if not core:
        return "", ""
    if len(core) == 1:
        return "", core[0]
    return core[0], core[-1]


_APP_WORD = r"(?:(?:[A-Z]\.){2,}|[\w’'“”\"&/-]+)"
_APPOSITIVE = re.compile(
    rf"^,\s+(?:the |a |an )?((?:{_APP_WORD} ){{0,15}}?{_APP_WORD})(?=[,;:]|\s?\(|\.(?![A-Za-z])|\s+(?:who|which|that|was|is|has|had|will)\b|$)")
_AGE = re.compile(r"^,\s+(\d{1,3}),\s+((?:of\s+)?[A-Z][\w’' .-]{1,40}?)(?=[,.;(]|\s+(?:was|is|has|had|and|who)\b|$)")


_CLAUSE_WORDS = frozenset("said says told asked stated was were is are has have had will would could should did".split())
_AS_A = re.compile(r"^,\s+\d{1,3},\s+(?:as\s+)?(?:a|an|the)\s+([^,.;]{3,60}?)(?=\s+(?:connected|who|that|in|for|after|when)\b|[,.;]|$)")
_COPULA = re.compile(r"^(?:,\s+who)?\s+(?:(?:was|is)\s+(?:the|a|an)|(?:served|serves|worked|works)\s+as"
                     r"(?:\s+(?:the|a|an))?)\s+((?:former\s+|alleged\s+)?[\w’'-]+(?:\s+(?:of|in|for|and|[\w’'-]+)){0,7}?)(?=[,.;:]|\s+(?:who|that|when|while|since|until|from|between|during|before|after)\b)")
_ARTICLE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+")
_PRE_END = re.compile(r"^((?:[\w’'“”-]+\s+){0,8}?[\w’'“”-]+)(?:,|\s+as)\s*$")


_AND_VERB = re.compile(r"\s+and\s+(?!(?:a|an|the|former|then)\b)([a-z]+)\b.*$")


def _role_only(phrase: str) -> str:
    """'the restaurant’s president and ran the operations' -> 'restaurant’s president'."""
    m = _AND_VERB.search(phrase)
    if m and m.group(1) not in ROLE_NOUNS and m.group(1) not in MODIFIERS:
        phrase = phrase[:m.start()]
    return phrase.strip()


def _pre_appositive(before: str) -> str:
    """'the alleged mastermind of the ring, NAME' / 'identified the defendant as NAME' -> the role."""
    for art in reversed(list(_ARTICLE.finditer(before))):
        m = _PRE_END.match(before[art.end():])
        if m and _described(m.group(1)):
            return m.group(1)
    return ""


def _described(phrase: str) -> bool:
    """A role description: has a title or role noun, and no verb ('identified', 'said')."""
    words = [w.strip("“”\".,") for w in phrase.split()]
    verbish = any(w in _CLAUSE_WORDS or (w.endswith("ed") and w.islower() and w not in MODIFIERS)
                  for w in words)
    return not verbish and any(w in TITLE_HEADS or w.lower() in ROLE_NOUNS for w in words)


_RELATIVE = frozenset("where when which who whose whom while after before as because although".split())
_HONORIFICS = frozenset({"Dr.", "Mr.", "Ms.", "Mrs.", "Rev.", "Hon."})
_PLURAL_ROLE = re.compile(r"\b(?:the|The)\s+(defendants|suspects|victims)\s+as\s*$")


def _appositive(text: str, end: int) -> str:
    """A title given after a name: 'Kim Ogg, the District Attorney' or 'Justin Schmitt, 37, Colorado'."""
    rest = text[end:end + 160]
    m = _AS_A.match(rest) or _COPULA.match(rest)
    if m and _described(_role_only(m.group(1))):
        return _role_only(m.group(1))
    m = _AGE.match(rest)
    if m:
        if re.match(r",\s+\d{1,3}\b", rest[m.end():]):
            return ""  # 'A, 22, B, 19': a list of people and their ages, not a hometown
        return f"{m.group(1)}, {m.group(2).strip()}"
    m = _APPOSITIVE.match(rest)
    if not m:
        return ""
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or words[0].isdigit():
        return ""
    heads = [w.strip("“”\".,") for w in words]
    if any(w in _CLAUSE_WORDS for w in heads) or heads[0].lower() in _RELATIVE:
        return ""  # a clause ('where she worked as a Correction Officer'), not a title
    for a, b in zip(heads, heads[1:], strict=False):
        if a in TITLE_HEADS and is_name_word(b):
            return ""  # a list of other titled people, not this person's title
    if (len(heads) >= 3 and is_name_word(heads[-1]) and is_name_word(heads[-2])
            and heads[-3] not in ("of", "at", "for", "with", "the")):
        return ""  # ends in someone else's name (not an organisation: 'president of the ... Bar Association')
    if any(w in TITLE_HEADS or w.lower() in ROLE_NOUNS for w in heads):
        return phrase
    return ""


def _list_members(text: str, toks: list[Token], j: int, title: str, out: list[Mention]) -> int:
    """Give `title` to the further full names of a list ('A, B, and C') starting at toks[j]."""
    n = len(toks)
    while j < n and (toks[j - 1].breaks and text[toks[j - 1].end:toks[j].start].startswith(",")
                     or toks[j].text == "and"):
        if toks[j - 1].breaks and toks[j - 1].text == "and":
            break
        k = j + 1 if toks[j].text == "and" else j
        e = _take_name(toks, k)
        if e - k < 2:
            break
        first, last = _split_name([t.text for t in toks[k:e]])
        out.append(Mention(first, last, text[toks[k].start:toks[e - 1].end], title, toks[k].start,
                           toks[e - 1].end, "titled"))
        j = e
    return j


def find_mentions(text: str) -> list[Mention]:
    """People named in a paragraph: titled ('DA John Creuzot'), appositive, speakers and bare full names."""
    toks = tokenize(text)
    out: list[Mention] = []
    used_until = 0
    i = 0
    n = len(toks)
    role, role_until, prev_end = "", -1, 0  # a plural role carried along a list of names
    while i < n:
        tok = toks[i]
        # a title head immediately followed by a name
        if _is_head(tok, toks[i - 1] if i else None) and i + 1 < n and not tok.breaks:
            j = _take_name(toks, i + 1)
            if j > i + 1:
                words = [t.text for t in toks[i + 1:j]]
                first, last = _split_name(words)
                if last and not (len(words) == 1 and j < n and toks[j - 1].breaks is False
                                 and toks[j].text[:1].isupper() and toks[j].text not in SUFFIXES):
                    k = i if tok.text in _HONORIFICS else _title_before(toks, i, used_until)
                    title = text[toks[k].start:tok.end]
                    start, end = toks[i + 1].start, toks[j - 1].end
                    app = _appositive(text, end)
                    out.append(Mention(first, last, text[start:end], title, start, end, "titled"))
                    if app:
                        out.append(Mention(first, last, text[start:end], app, start, end, "appositive"))
                    if _plural_head(tok.text):  # 'Investigators Doug Garrison and Ryan Rogers': each of them
                        j = _list_members(text, toks, j, title, out)
                    used_until = j
                    i = j
                    continue
        # an untitled full name followed by an appositive title or an age
        if i >= used_until and is_name_word(tok.text) and (i == 0 or not _is_head(toks[i - 1]) or toks[i - 1].breaks):
            j = _take_name(toks, i)
            followed = j < n and not toks[j - 1].breaks and (toks[j].text[:1].isupper() or _is_head(toks[j]))
            if j - i >= 2 and not followed:
                words = [t.text for t in toks[i:j]]
                first, last = _split_name(words)
                start, end = toks[i].start, toks[j - 1].end
                app = _appositive(text, end)
                before = text[max(0, start - 120):start]
                pre = _pre_appositive(before)
                plural = _PLURAL_ROLE.search(before)
                if plural:  # "identified the defendants as A, B and C": each of the list
                    role, role_until = plural.group(1)[:-1], text.find(". ", start) % (len(text) + 1)
                elif role and start < role_until and re.fullmatch(r",?\s*(?:and\s+)?", text[prev_end:start]):
                    pre = pre or role
                if plural:
                    pre = role
                if pre:
                    out.append(Mention(first, last, text[start:end], pre, start, end, "appositive"))
                prev_end = end
                kind = "appositive" if app else "bare"
                out.append(Mention(first, last, text[start:end], app, start, end, kind))
                i = j
                continue
            if j - i == 1 and not followed:  # "Shively was the ringleader of ..."
                m = _COPULA.match(text[tok.end:tok.end + 160])
                if m and _described(_role_only(m.group(1))):
                    out.append(Mention("", tok.text, tok.text, _role_only(m.group(1)), tok.start, tok.end, "copula"))
        i += 1
    return out




def speaker_name(phrase: str) -> tuple[str, str, str] | None:
    """(first, last, title) of the person in an attribution phrase such as 'DA Stephan' or 'said Barr'."""
    toks = [t for t in tokenize(phrase)]
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
    while i > 0 and (is_name_word(toks[i - 1].text) or _INITIAL.match(toks[i - 1].text)) and j - i < 4:
        i -= 1
    if i == j:
        return None
    words = [t.text for t in toks[i:j]]
    first, last = _split_name(words)
    if not last:
        return None
    title = ""
    if i > 0 and _is_head(toks[i - 1]):
        k = _title_before(toks, i - 1, 0)
        title = " ".join(t.text for t in toks[k:i])
    elif (i > 1 and toks[i - 1].text not in CONNECTORS and toks[i - 1].text[:1].islower()
          and not toks[i - 1].breaks):
        return None  # "the victim Smith said": a name inside a longer phrase, not the speaker's
    return first, last, title


def name_key(word: str) -> str:
    """Comparable form of a name word: accents folded, apostrophes and hyphens dropped, casefolded."""
    return re.sub(r"[’'\-. ]", "", fold_accents(word)).casefold()


_ROLE_ALT = "|".join(sorted({w for w in ROLE_NOUNS} | {w.capitalize() for w in ROLE_NOUNS}, key=len, reverse=True))
_DESC = rf"((?:[\w’']+(?:\s+|-)){{0,7}}?(?:{_ROLE_ALT})(?:\s+“[^”]{{2,30}}”)?)"
_LEDE_PATTERNS = [
    re.compile(rf"\bthat\s+(?:a|an|the)\s+{_DESC}\s+(?:has|have|had|was|were|is|pleaded|pled|will)\b"),
    re.compile(rf"(?:^|[.!?]\s+|\s[–—-]\s+)(?:A|An|The)\s+{_DESC}\s+(?:has|have|had|was|were|is|pleaded|pled|will|who)\b"),
    re.compile(rf"\b(?:sentenced|convicted|charged|indicted|arrested)\s+(?:a|an|the)\s+{_DESC}\s+"
               rf"(?:to|for|of|in|with|on|after)\b"),
]
_HEADLINE = re.compile(rf"^((?:[\w’'-]+\s+){{0,4}}?(?:{_ROLE_ALT})(?:\s+“[^”]{{2,30}}”)?)\s+(?:Indicted|Charged|"
                       rf"Convicted|Sentenced|Pleads|Pled|Arrested|Found|Gets|Receives|Admits|Faces|Held|to Be)\b")
_AGE_INTRO = re.compile(r"^,\s+\d{1,3},|^\s*\(\d{1,3}\)")


def lede_descriptors(headline: str, lede: list[str]) -> list[str]:
    """How a release's opening describes its main subject: 'a Staten Island salesman', 'Florida Man'."""
    out = []
    m = _HEADLINE.match(headline)
    if m and _described(m.group(1)):
        out.append(m.group(1).strip())
    for text in lede:
        for rx in _LEDE_PATTERNS:
            for m in rx.finditer(text):
                phrase = m.group(1).strip()
                if _described(phrase) and not any(is_name_word(w) and w not in ROLE_NOUNS for w in phrase.split()[-1:]):
                    out.append(phrase)
    return [d for d in dict.fromkeys(out) if not _plural(d)]


_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve several multiple both".split())


def _plural(phrase: str) -> bool:
    """'Three Brooklyn Men', 'two men': a description of several people, not of one subject."""
    words = phrase.split()
    head = words[-1].strip("“”\".,").lower()
    return (words[0].lower() in _NUMBER_WORDS or words[0].isdigit() or head in ("men", "women", "people")
            or (head.endswith("s") and head[:-1] in ROLE_NOUNS))


def introduces_subject(text: str, mention: Mention) -> bool:
    """'NAME, 31, ...' or '39-year-old NAME': how releases introduce the person they are about."""
    return bool(_AGE_INTRO.match(text[mention.end:mention.end + 12])) or bool(
        re.search(r"\d{1,3}-year-old\s+$", text[max(0, mention.start - 16):mention.start]))
