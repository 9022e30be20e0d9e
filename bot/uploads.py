"""Files admins add to (or remove from) their server's corpus: checked before anything is written.

An upload is refused, with a one-line reason and nothing changed, when its name carries folders (no path
traversal), its type is not one pressbot reads, it is empty, over `corpus.max_file_mb`, binary under a
text suffix, cannot be parsed, or would overwrite a file (unless `replace`). An accepted file is written
beside the others under a safe name (through a hidden temporary file, so a half-written upload is never
indexed). A removed release's file is moved to the folder's hidden `.trash/`, never deleted."""

from __future__ import annotations

import os
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.ingest.formats import RawDoc, SkipFile, read_file

ALLOWED = (".txt", ".md", ".html", ".pdf", ".jsonl")
TEXT_SUFFIXES = (".txt", ".md", ".jsonl", ".html")
TRASH = ".trash"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class Refused(Exception):
    """An upload or removal that was not made; the message is the reason shown to the admin."""


@dataclass(frozen=True, slots=True)
class Checked:
    name: str  # the safe file name it will be saved under
    data: bytes
    docs: int  # documents it parses into (JSONL: one per line)


def safe_name(name: str) -> str:
    """The name an upload is saved under; refused if it names folders or is nothing once cleaned."""
    if "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
        raise Refused(f"file name {name[:60]!r} has folders in it; upload a plain file name")
    stem, dot, suffix = unicodedata.normalize("NFKC", name).rpartition(".")
    if not dot:
        raise Refused(f"{name[:60]!r} has no file type; pressbot reads {', '.join(ALLOWED)}")
    suffix = "." + suffix.lower()
    if suffix not in ALLOWED:
        raise Refused(f"{name[:60]!r}: type {suffix[:10]} is not one pressbot reads ({', '.join(ALLOWED)})")
    clean = _UNSAFE.sub("_", stem).strip("._-")[:120]
    if not clean:
        raise Refused(f"{name[:60]!r} has no usable name")
    return clean + suffix


def _binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\0" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def check_size(name: str, size: int, max_mb: float) -> None:
    """Refused when over `corpus.max_file_mb` (Discord tells the size before the download)."""
    if size > max_mb * 1e6:
        shown = f"{size / 1e6:.1f} MB" if size >= 1e5 else f"{size / 1e3:.1f} kB"
        raise Refused(f"{name}: {shown} is over the {max_mb:g} MB limit (corpus.max_file_mb)")


def check(name: str, data: bytes, max_mb: float) -> Checked:
    """Everything about an upload that can be known before saving it; raises Refused with the reason."""
    safe = safe_name(name)
    if not data:
        raise Refused(f"{safe}: the file is empty (0 bytes)")
    check_size(safe, len(data), max_mb)
    suffix = Path(safe).suffix
    if suffix in TEXT_SUFFIXES and _binary(data):
        raise Refused(f"{safe}: this is binary data, not a {suffix} text file")
    problems: list[str] = []
    try:
        docs: list[RawDoc] = read_file(Path(safe), data, problems)
    except SkipFile as e:
        raise Refused(f"{safe}: {e}") from None
    except Exception as e:  # a parser failing on a hostile file: refused, never raised to the bot
        raise Refused(f"{safe}: could not be read ({type(e).__name__})") from None
    if not docs or not any(d.text.strip() for d in docs):
        raise Refused(f"{safe}: no text could be read from it")
    return Checked(safe, data, len(docs))


def save(folder: Path, upload: Checked, replace: bool = False) -> Path:
    """Write an accepted upload into `folder`; an existing file is kept unless `replace`."""
    folder = folder.resolve()
    target = (folder / upload.name).resolve()
    if target.parent != folder:
        raise Refused(f"{upload.name}: would be saved outside the corpus folder")
    if target.exists() and not replace:
        raise Refused(f"{upload.name} already exists; add it again with replace: true to overwrite it")
    tmp = folder / f".upload-{os.getpid()}-{time.monotonic_ns()}.tmp"
    tmp.write_bytes(upload.data)
    os.replace(tmp, target)
    return target


def trash(folder: Path, path: Path) -> Path:
    """Move `path` (inside `folder`) to `folder/.trash/` under a time-stamped name; returns where."""
    folder, path = folder.resolve(), path.resolve()
    if folder not in path.parents or not path.is_file():
        raise Refused("that release's file is not in this server's corpus folder")
    bin_ = folder / TRASH
    bin_.mkdir(exist_ok=True)
    dest = bin_ / f"{time.strftime('%Y%m%dT%H%M%S')}-{path.name}"
    os.replace(path, dest)
    return dest
