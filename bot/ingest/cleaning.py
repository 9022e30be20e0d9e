"""Rebuilding paragraphs from scraped lines and reading the metadata a release's text states.

Paragraphs are kept as spans of the original lines joined by single spaces, so every snippet is
the file's own text once whitespace is collapsed (the convention of the eval set).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.textnorm import collapse_ascii_ws

_TERMINAL = tuple(".!?:;\"”’)]")
_OPEN_QUOTE = ("“", '"', "‘")
_CUT_NUMBER = re.compile(r"\d,(\d{1,2})$")  # '$1,2' ends mid-group: a thousands group has three digits
_LONE_DASH = re.compile(r"^[-–—]$")
_LIST_END = re.compile(r"[;:,]\s*(?:and|or)$")  # 'the charges; and' introduces a further list item
_ORDINAL_LINE = re.compile(r"^(st|nd|rd|th)$", re.IGNORECASE)
_TITLE_END = re.compile(
    r"\b(Attorney|Attorneys|Sheriff|Chief|Judge|Justice|Detective|Officer|Sergeant|Lieutenant|Captain|"
    r"Commissioner|Director|Investigator|Investigators|Agent|Inspector|Superintendent|Mayor|Governor|"
    r"Senator|Councilmember|Supervisor|Deputy|Prosecutor|General|President|Secretary|Marshal|Trooper|"
    r"Special Agent in Charge|Assemblymember|Representative|Congressman|Congresswoman)$"
)
_NAME_LINE = re.compile(r"^[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|la|del|van|von|da|di)){1,3}$")
_DANGLING = re.compile(r"\b(a|an|the|of|for|to|and|or|in|on|at|by|with|as|from|that|is|was|were|are|"
                       r"said|says|stated|added|explained|noted|told)$")
_NAV_LINE = re.compile(r"^(?:link to:|\[tweet this\]|(?:skip to (main )?content|scroll to top|share( this)?|tweet( this)?|"
                       r"print( this)?|email( this)?|click here|read more|back to top|previous( post)?|next( post)?|"
                       r"follow us|search for|tagged with|home|menu)\b)", re.IGNORECASE)
_LABEL_TITLE = re.compile(r"^(for immediate release|para publicaci[oó]n inmediata|news release)\s*[:\-–]\s*(.+)$",
                          re.IGNORECASE)
_MONTHS = ("january february march april may june july august september october november december").split()
_MONTHS_ES = ("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre").split()
_DATE_EN = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DATE_ES = re.compile(r"\b(\d{1,2}) de (" + "|".join(_MONTHS_ES) + r") de (\d{4})\b", re.IGNORECASE)
_STAMP_LINE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d) \d\d:\d\d(?::\d\d)?[ \t]*$", re.MULTILINE)
_PATH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PATH_MMDDYY = re.compile(r"(?<!\d)(\d\d)(\d\d)(\d\d)(?!\d)")
_DATE_PATH = re.compile(r"(?<!\d)((?:19|20)\d\d)[_-]?(\d\d)[_-]?(\d\d)(?!\d)")  # 2017_03_23, 20230611
_DATELINE = re.compile(
    r"^\(?\s*([A-Z][A-Za-z.'’ -]{1,40}?),\s*([A-Z][A-Za-z.]{1,14}\.?)\s*\)?\s*[–—-]+\s"
    r"|^([A-Z][A-Z.'’ -]{2,40}?)\s*(?:\(\w+\))?\s*[–—-]+\s"
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’])) (?=[“\"A-Z0-9])")
_EN_WORDS = frozenset("the and of to in was that for with his her is on by said were has have from".split())
_ES_WORDS = frozenset("el la los las de del que en y por con para una fue su al se como".split())
_VI_MARKS = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]")


@dataclass(slots=True)
class Block:
    """A rebuilt paragraph: its text and the original line numbers it spans."""

    text: str
    lines: list[int]


def is_hard_wrapped(lines: list[str]) -> bool:
    """True for PDF-style text whose lines are cut at a fixed width mid-sentence."""
    lengths = sorted(len(s) for s in lines if s.strip())
    if len(lengths) < 8:
        return False
    width = lengths[int(len(lengths) * 0.9)]
    if not 50 <= width <= 140:
        return False
    near_full = sum(1 for n in lengths if n >= 0.7 * width)
    unterminated = sum(1 for s in lines if len(s) >= 0.7 * width and not s.rstrip().endswith(_TERMINAL))
    return near_full >= 0.4 * len(lengths) and unterminated >= 0.3 * near_full


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(s) for s in lines if s.strip())
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def _fragment_joins(prev: str, cur: str, prev2: str) -> bool | None:
    """An inline dash page markup put on its own line ('19\n–\nyear-old', 'post\n–\nrelease') joins the
    words on both sides; a list bullet (after ':', ';' or '; and') opens an item; a superscript ordinal joins
    its number and the word after it. None: not such a fragment."""
    if _LONE_DASH.match(cur):
        return not prev.endswith(_TERMINAL) and not _LIST_END.search(prev)
    if _LONE_DASH.match(prev) and prev2 and not prev2.endswith(_TERMINAL) and not _LIST_END.search(prev2):
        return True
    if (_ORDINAL_LINE.match(cur) and prev[-1:].isdigit()) or (_ORDINAL_LINE.match(prev) and prev2[-1:].isdigit()):
        return True  # a superscript ordinal on its own line ('86\nth\nStreet')
    cut = _CUT_NUMBER.search(prev)
    if cut and re.match(rf"\d{{{3 - len(cut.group(1))}}}(?!\d)", cur):
        return True  # a number cut inside a digit group ('$1,2\n50'); the space stays, so citations stay verbatim
    return None


def _joins(prev: str, cur: str, prev2: str, width: int) -> bool:
    """Should line `cur` continue the paragraph ending with line `prev`?"""
    if _DATELINE.match(cur):
        return False  # "(Dallas, Texas) – On ..." always opens the body
    dash = _fragment_joins(prev, cur, prev2)
    if dash is not None:
        return dash
    if prev in _OPEN_QUOTE or prev.endswith(("“", " \"")):
        return True
    first = cur[0]
    if first in ".,;:)]”’!?" or (first == '"' and len(cur) < 3):
        return True
    if prev.endswith((",”", ',"', ",’", ",")):
        return True
    ended = prev.endswith(_TERMINAL)
    if first.islower() and not prev.endswith((".", "!", "?")):
        return True
    if not ended and _TITLE_END.search(prev) and _NAME_LINE.match(cur):
        return True
    if not ended and _DANGLING.search(prev):
        return True
    if width:  # hard-wrapped text: a long line continues unless it ends a sentence short of the margin
        if not ended and len(prev) >= 0.6 * width:
            return True
        if ended and len(prev) >= 0.93 * width and first.isalpha():
            return True
    return False


def rebuild_paragraphs(text: str, hard_wrapped: bool | None = None) -> list[Block]:
    """Reflow wrapped lines and rejoin split names, attributions, quotes and ordinals."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if hard_wrapped is None:
        hard_wrapped = is_hard_wrapped(lines)
    width = _wrap_width(lines) if hard_wrapped else 0
    groups: list[list[int]] = []  # line numbers of each paragraph
    for i, line in enumerate(lines):
        if not line:
            groups.append([])  # a blank line ends the paragraph
        elif groups and groups[-1] and _joins(lines[groups[-1][-1]], line,
                                              lines[groups[-1][-2]] if len(groups[-1]) > 1 else "", width):
            groups[-1].append(i)
        else:
            groups.append([i])
    blocks = [Block(collapse_ascii_ws(" ".join(lines[j] for j in g)), g) for g in groups if g]
    return blocks


def is_navigation(text: str) -> bool:
    """Menu, share-button and link-list lines ('Skip to content', 'Link to: ...', '[TWEET THIS]')."""
    return bool(_NAV_LINE.match(text)) and (len(text) < 40 or text.lower().startswith("link to:"))


def split_long(text: str, limit: int) -> list[str]:
    """Cut an over-long paragraph at sentence ends into pieces of at most ~limit characters."""
    if len(text) <= limit:
        return [text]
    sentences = _SENTENCE_END.split(text)
    pieces, cur = [], ""
    for s in sentences:
        while len(s) > limit:  # no sentence end in sight: cut at a space
            cut = s.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if cur:
                pieces.append(cur)
                cur = ""
            pieces.append(s[:cut].strip())
            s = s[cut:].strip()
        if cur and len(cur) + 1 + len(s) > limit:
            pieces.append(cur)
            cur = s
        else:
            cur = f"{cur} {s}" if cur else s
    if cur:
        pieces.append(cur)
    return [p for p in pieces if p]


_INLINE_DATELINE = re.compile(r"\s+\([A-Z][^)]{2,40}\)\s*[–—-]")


# Lines that describe the page rather than name the story: labels, dates, contacts, bylines, read times.
_META_LINE = re.compile(
    r"^(?:(?:media|press|news)\s+(?:advisory|release|statement|alert)|for\s+immediate\s+release|news|press|"
    r"update|statement|author|published|posted|updated|contact|media\s+contact|by)\s*[:\-–]?\s*$"
    r"|^(?:date|dated|posted|published|updated|contact|media\s+contact|phone|tel|e-?mail|case\s*#?)\s*[:#]"
    r"|^\(?\d{3}\)?[\s.-]\d{3}-\d{4}|@|^\d+\s+min(?:ute)?\s+read$"
    r"|^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:" + "|".join(_MONTHS) + r")\.?\s+\d{1,2},?\s+\d{4}\b",
    re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]{3,}")


def is_metadata_line(text: str) -> bool:
    """A page-description line, never a headline: 'MEDIA ADVISORY', 'Date: January 5, 2026',
    'May 13, 2021 Contact: …', a phone or e-mail line, '3 min read', or a line with no word in it."""
    text = text.strip()
    return bool(_META_LINE.search(text)) or not _LETTERS.search(text)


def title_from_path(path: str) -> str:
    """A readable title from a file name: 'news_1-million-in-restitution-ordered' -> '1 million in restitution ordered'."""
    stem = Path(path).stem
    stem = re.sub(r"^(?:news|press|press-release|pr)[_-]+", "", stem, flags=re.IGNORECASE)
    title = " ".join(re.sub(r"[_\-]+", " ", stem).split())[:200]
    return title[:1].upper() + title[1:] if title else "(untitled)"


def find_title(blocks: list[Block], given: str | None, suffixes: set[str],
               furniture: Callable[[Block], bool] | None = None, path: str = "") -> str:
    """The release's headline: given metadata, a 'For Immediate Release:' label, the first line, or the
    first short line that is not site furniture (`furniture`: lines repeated across the site) nor page
    metadata (dates, contacts, 'MEDIA ADVISORY'); else a title made from the file name."""
    if given and given.strip():
        return collapse_ascii_ws(given)
    for b in blocks[:12]:
        m = _LABEL_TITLE.match(b.text)
        if m and len(m.group(2)) > 10:  # PDF text may run the headline into "(Dallas, Texas) – On ..."
            return _INLINE_DATELINE.split(m.group(2))[0][:300]
    content = [b for b in blocks if not is_navigation(b.text)]
    if content:
        first = strip_suffix(content[0].text, suffixes)
        if len(first) <= 300 and not _DATE_EN.match(first) and "@" not in first and not is_metadata_line(first):
            return first
    for b in [b for b in content if furniture is None or not furniture(b)][:8]:
        if 15 <= len(b.text) <= 200 and not b.text.endswith(".") and not is_metadata_line(b.text):
            return strip_suffix(b.text, suffixes)
    if path:
        return title_from_path(path)
    return blocks[0].text[:120] + "…" if blocks else "(untitled)"


def strip_suffix(title: str, suffixes: set[str]) -> str:
    """Remove a site-name suffix such as ' - Orange County District Attorney'."""
    for sep in (" - ", " | ", " – "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if tail.strip().casefold() in suffixes and head.strip():
                return head.strip()
    return title


def common_suffixes(first_lines: list[str], min_share: float = 0.2) -> set[str]:
    """Site-name suffixes shared by many first lines of one folder."""
    counts: Counter[str] = Counter()
    for line in first_lines:
        for sep in (" - ", " | ", " – "):
            if sep in line:
                counts[line.rpartition(sep)[2].strip().casefold()] += 1
    need = max(2, int(len(first_lines) * min_share))
    return {s for s, n in counts.items() if n >= need}


def _iso(year: str, month: int, day: str) -> str | None:
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def find_date(lines: list[str], given: str | None, path: str) -> str | None:
    """ISO date from metadata, a publishing stamp line, a date in the file name, or the first date
    written near the top."""
    if given:
        return str(given)[:10]
    candidates = []
    if m := _STAMP_LINE.search("\n".join(lines[:200])):  # a CMS stamp outranks dates in the story
        candidates.append((m.group(1), int(m.group(2)), m.group(3)))
    if m := _DATE_PATH.search(path):  # archives name files by publication date: 2017_03_23_slug.txt
        candidates.append((m.group(1), int(m.group(2)), m.group(3)))
    name = Path(path).name
    for year in _PATH_YEAR.findall(name):  # press-release_2018_PR_Trial_101518_pdf: MMDDYY of that year
        candidates += [(year, int(mm), dd) for mm, dd, yy in _PATH_MMDDYY.findall(name) if yy == year[2:]]
    text_head = "\n".join(lines[:40])
    if m := _DATE_EN.search(text_head):
        candidates.append((m.group(3), _MONTHS.index(m.group(1).lower()) + 1, m.group(2)))
    if m := _DATE_ES.search(text_head):
        candidates.append((m.group(3), _MONTHS_ES.index(m.group(2).lower()) + 1, m.group(1)))
    return next((d for c in candidates if (d := _iso(*c))), None)


def find_dateline(blocks: list[Block]) -> str | None:
    """The dateline place ('SANTA ANA, Calif.', 'Dallas, Texas') of the first paragraph having one."""
    for b in blocks[:25]:
        m = _DATELINE.match(b.text)
        if m:
            if m.group(1):
                return f"{m.group(1).strip()}, {m.group(2)}"
            if m.group(3) and len(m.group(3).split()) <= 4:
                return m.group(3).strip()
    return None


def detect_language(text: str) -> str:
    """'en', 'es' or 'vi' from function-word counts; good enough to mark translations."""
    sample = text[:6000]
    if len(_VI_MARKS.findall(sample.lower())) > 20:
        return "vi"
    words = re.findall(r"[a-záéíóúñ]+", sample.lower())
    en = sum(1 for w in words if w in _EN_WORDS)
    es = sum(1 for w in words if w in _ES_WORDS)
    return "es" if es > en * 1.2 and es > 10 else "en"
