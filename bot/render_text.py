"""Terminal rendering (plain text with **bold** highlights) and JSON rendering of an Answer."""

from __future__ import annotations

import json
import re

from bot.models import Answer, Citation


def bold(text: str, words: list[str], mark: str = "**") -> str:
    """Wrap whole-word, case-insensitive occurrences of `words` in `mark`."""
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return text
    rx = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    return rx.sub(lambda m: f"{mark}{m.group(1)}{mark}", text)


def citation_line(c: Citation) -> str:
    meta = ", ".join(x for x in (c.source, c.date) if x)
    return f"{c.title} ({meta}), ¶{c.paragraph}"


def also_in_line(c: Citation, shown: int = 3) -> str:
    """'same words also in: a, b, c (+4 more)' for a snippet several releases print."""
    more = f" (+{len(c.also_in) - shown} more)" if len(c.also_in) > shown else ""
    return "same words also in: " + ", ".join(c.also_in[:shown]) + more


def render_text(ans: Answer) -> str:
    """What `pressbot ask` prints: summary, the answer's items, then numbered verbatim citations."""
    lines = [ans.summary]
    if ans.command == "help":
        lines += [f"  {i['usage']:<22} {i['description']}" for i in ans.items]
    elif ans.command == "sources":
        for i in ans.items:
            if "source" in i:
                lines.append(f"  {i['source']}: {i['releases']} releases")
            elif "latest" in i:
                lines.append("Latest:")
                lines += [f"  {r['date'] or '????'}  {r['title']}  [{r['source']}]" for r in i["latest"]]
    elif ans.command == "reload":
        for i in ans.items:
            if "skipped" in i:
                lines.append(f"  skipped {i['skipped']}: {i['reason']}")
    for n, c in enumerate(ans.citations, start=1):
        lines.append("")
        lines.append(f"[{n}] “{bold(c.text, c.highlights)}”")
        lines.append(f"    — {citation_line(c)}")
        lines.append(f"      {c.url or c.path}")
        if c.also_in:
            lines.append(f"      {also_in_line(c)}")
    return "\n".join(lines)


def render_json(ans: Answer) -> str:
    return json.dumps(ans.to_dict(), ensure_ascii=False, indent=2)
