"""Reading release files of every supported format into raw documents (text + given metadata)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl"}
META_KEYS = {"title", "source", "date", "url", "language", "id", "embargo"}


class SkipFile(Exception):
    """A file (or a JSONL line) that cannot be loaded; the message is the reason shown to admins."""


@dataclass(slots=True)
class RawDoc:
    """Text of one release and the metadata the file states (front matter, JSON fields, HTML meta)."""

    path: Path
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    line: int | None = None  # line number inside a JSONL file
    hard_wrapped: bool | None = None  # known for PDFs


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"))  # these codecs consume the BOM
MAX_FRONT_MATTER = 16_000  # characters; real front matter is a few lines
_UNDECODABLE_SHARE = 0.3  # a non-UTF-8 file with more high bytes than this is not text in a known encoding


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII text saved as UTF-16), else None."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode bytes: a BOM's encoding (UTF-8/16/32), else UTF-8, else cp1252, else latin-1; refuse
    binary data and bytes that are mostly undecodable."""
    if not data.strip():
        raise SkipFile("empty file")
    head = data[:8192]
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) or _utf16_without_bom(head)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            raise SkipFile(f"invalid {encoding.upper()} text at byte {e.start}") from None
        if "\x00" in text:
            raise SkipFile("binary data (NUL characters), not text")
        return text
    if b"\x00" in head:
        raise SkipFile("binary data (NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) * 0.05:
        raise SkipFile("binary data (control characters), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in head if b >= 0x80)
    if high > len(head) * _UNDECODABLE_SHARE:
        raise SkipFile(f"not text in a known encoding ({high * 100 // len(head)}% of the bytes are not UTF-8)")
    for enc in ("cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise SkipFile("undecodable text")  # pragma: no cover - latin-1 decodes anything


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML for front matter: no anchors or aliases (an alias bomb costs gigabytes), and timestamps stay
    strings (PyYAML raises ValueError on an impossible date such as 2019-13-45; pressbot checks dates)."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed in front matter",
                                              event.start_mark)
        return super().compose_node(parent, index)


_FrontMatterLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?)?)?$")


def _checked_date(value: str) -> str | None:
    """The ISO date of a metadata date ('2024-05-01', '2024-05-01T10:00:00Z', or just '2024-05' / '2019'),
    None if it is not a real date."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        full = date(int(year), int(month or 1), int(day or 1)).isoformat()
    except ValueError:
        return None
    return full if day else full[:7] if month else year


def checked_instant(value: str) -> str | None:
    """An embargo instant as ISO 8601 in UTC ('2026-12-05T15:00:00+00:00'); a bare date means midnight UTC;
    a time without a zone is read as UTC. None when it is not a date-time."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


def validate_meta(meta: dict[str, Any], problems: list[str], where: str = "front matter") -> dict[str, str]:
    """Metadata as strings, each field checked by type: a field of the wrong type, an impossible date or a
    URL that is not http(s) is dropped with a warning in `problems`; the release still loads."""
    out: dict[str, str] = {}
    for key, value in meta.items():
        if value is None:
            if key == "embargo":
                problems.append(f"{where}: embargo is empty; the release is held back until it is fixed")
                out[key] = "9999-12-31T23:59:59+00:00"
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            if key == "embargo":  # a broken embargo keeps the release out, never lets it in
                problems.append(f"{where}: embargo must be a date-time, got {type(value).__name__}; the release "
                                f"is held back until it is fixed")
                out[key] = "9999-12-31T23:59:59+00:00"
                continue
            problems.append(f"{where}: {key} must be text, got {type(value).__name__}; ignored")
            continue
        text = str(value).strip()
        if key == "date":
            iso = _checked_date(text)
            if iso is None:
                problems.append(f"{where}: date {text[:40]!r} is not a real date (YYYY-MM-DD); ignored")
                continue
            text = iso
        elif key == "embargo":
            when = checked_instant(text)
            if when is None:
                problems.append(f"{where}: embargo {text[:40]!r} is not a date-time such as "
                                f"2026-12-05T10:00:00-05:00; the release is held back until it is fixed")
                text = "9999-12-31T23:59:59+00:00"  # a broken embargo keeps the release out, never in
            else:
                text = when
        elif key == "url" and not re.match(r"^https?://\S+$", text):
            problems.append(f"{where}: url {text[:60]!r} is not an http(s) address; ignored")
            continue
        if text:
            out[key] = text
    return out


def split_front_matter(text: str, problems: list[str] | None = None) -> tuple[dict[str, str], str]:
    """Separate a leading YAML front matter block (--- ... ---) from the body; fields are validated."""
    problems = [] if problems is None else problems
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            block = "\n".join(lines[1:i])
            if len(block) > MAX_FRONT_MATTER:
                raise SkipFile(f"malformed front matter: over {MAX_FRONT_MATTER} characters")
            try:
                meta = yaml.load(block, Loader=_FrontMatterLoader) or {}  # a SafeLoader subclass: no arbitrary objects
            except yaml.YAMLError as e:
                mark = getattr(e, "problem_mark", None)
                where = f" at front matter line {mark.line + 2}" if mark else ""
                raise SkipFile(f"malformed front matter{where}: {getattr(e, 'problem', e)}") from None
            if not isinstance(meta, dict):
                raise SkipFile("malformed front matter: expected key: value pairs")
            unknown = set(meta) - META_KEYS
            if unknown:
                raise SkipFile(f"malformed front matter: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
            return validate_meta(meta, problems), "\n".join(lines[i + 1:])
    raise SkipFile("malformed front matter: no closing '---'")


def read_text_file(path: Path, data: bytes, problems: list[str] | None = None) -> list[RawDoc]:
    meta, body = split_front_matter(decode(data), problems)
    if not body.strip():
        raise SkipFile("no text after front matter" if meta else "empty file")
    return [RawDoc(path, body, meta)]


def read_html(path: Path, data: bytes) -> list[RawDoc]:
    import trafilatura  # slow import; only when HTML is present

    html = decode(data)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text or not text.strip():
        raise SkipFile("HTML page has no main text")
    meta: dict[str, Any] = {}
    md = trafilatura.extract_metadata(html)
    if md is not None:
        for key in ("title", "date", "url"):
            if getattr(md, key, None):
                meta[key] = str(getattr(md, key))
    return [RawDoc(path, text, meta)]


def read_pdf(path: Path, data: bytes) -> list[RawDoc]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise SkipFile(f"unreadable PDF: {e}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise SkipFile("PDF has no extractable text (scanned image?)")
    meta = {}
    info = reader.metadata
    if info and info.title:
        meta["title"] = str(info.title)
    return [RawDoc(path, text, meta, hard_wrapped=True)]


def _jsonl_line(n: int, raw: bytes, problems: list[str]) -> dict[str, Any] | None:
    """One JSONL line as an object, or None with the reason in `problems` (the other lines still load)."""
    if b"\x00" in raw:
        problems.append(f"line {n}: binary data (NUL bytes)")
        return None
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        problems.append(f"line {n}: not UTF-8 (byte {e.start})")
        return None
    except json.JSONDecodeError as e:
        problems.append(f"line {n}: invalid JSON: {e.msg} (column {e.colno})")
        return None
    if not isinstance(obj, dict):
        problems.append(f"line {n}: expected a JSON object")
        return None
    return obj


def read_jsonl(path: Path, data: bytes, problems: list[str]) -> list[RawDoc]:
    """One release per line: {title, body (or text), date, url, source}. Bad lines go to `problems`."""
    if not data.strip():
        raise SkipFile("empty file")
    docs = []
    for n, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if not raw.strip():
            continue
        obj = _jsonl_line(n, raw, problems)
        if obj is None:
            continue
        body = obj.get("body", obj.get("text"))
        if not isinstance(body, str) or not body.strip():
            problems.append(f"line {n}: no 'body' text")
            continue
        meta = validate_meta({k: obj[k] for k in META_KEYS if k in obj}, problems, where=f"line {n}")
        docs.append(RawDoc(path, body, meta, line=n))
    if not docs and not problems:
        raise SkipFile("empty file")
    return docs


def read_file(path: Path, data: bytes, problems: list[str]) -> list[RawDoc]:
    """Dispatch on the file suffix; raises SkipFile with the reason when nothing can be loaded."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return read_html(path, data)
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise SkipFile("not a PDF (missing %PDF header)")
        return read_pdf(path, data)
    if suffix == ".jsonl":
        return read_jsonl(path, data, problems)
    return read_text_file(path, data, problems)
