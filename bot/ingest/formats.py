"""Reading release files of every supported format into raw documents (text + given metadata)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".jsonl"}
META_KEYS = {"title", "source", "date", "url", "language", "id"}


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


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, else cp1252, else latin-1; refuse binary data."""
    if not data.strip():
        raise SkipFile("empty file")
    head = data[:8192]
    if b"\x00" in head:
        raise SkipFile("binary data (NUL bytes), not text")
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) * 0.05:
        raise SkipFile("binary data (control characters), not text")
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise SkipFile("undecodable text")  # pragma: no cover - latin-1 decodes anything


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Separate a leading YAML front matter block (--- ... ---) from the body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            block = "\n".join(lines[1:i])
            try:
                meta = yaml.safe_load(block) or {}
            except yaml.YAMLError as e:
                mark = getattr(e, "problem_mark", None)
                where = f" at front matter line {mark.line + 2}" if mark else ""
                raise SkipFile(f"malformed front matter{where}: {getattr(e, 'problem', e)}") from None
            if not isinstance(meta, dict):
                raise SkipFile("malformed front matter: expected key: value pairs")
            unknown = set(meta) - META_KEYS
            if unknown:
                raise SkipFile(f"malformed front matter: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
            return {k: (str(v) if v is not None else None) for k, v in meta.items()}, "\n".join(lines[i + 1:])
    raise SkipFile("malformed front matter: no closing '---'")


def read_text_file(path: Path, data: bytes) -> list[RawDoc]:
    meta, body = split_front_matter(decode(data))
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


def read_jsonl(path: Path, data: bytes, problems: list[str]) -> list[RawDoc]:
    """One release per line: {title, body (or text), date, url, source}. Bad lines go to `problems`."""
    docs = []
    for n, line in enumerate(decode(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: invalid JSON: {e.msg} (column {e.colno})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"line {n}: expected a JSON object")
            continue
        body = obj.get("body", obj.get("text"))
        if not isinstance(body, str) or not body.strip():
            problems.append(f"line {n}: no 'body' text")
            continue
        meta = {k: str(obj[k]) for k in META_KEYS if obj.get(k) is not None}
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
    return read_text_file(path, data)
