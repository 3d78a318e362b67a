"""How a long text field reads: blank lines separate paragraphs, `- ` lines are bullets, and a
single line break inside a paragraph is only a wrap in the file (a space), as the trip format's
reading rules say: staff paste hard-wrapped text that must print as one flowing paragraph. The book,
the trip plan and the report (PDF and Word) all split text through here."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[-•]\s+")


@dataclass(frozen=True)
class Block:
    """One paragraph or one bullet item of a longer text field, its wrapped lines joined into
    one (`lines` holds that one line)."""

    bullet: bool
    lines: tuple[str, ...]


def blocks(value: str) -> list[Block]:
    """Split a text field: `- ` lines are bullets, blank lines separate paragraphs, the lines
    of a paragraph are one line.

    An indented line right after a bullet continues that bullet: authors wrap long bullets that way.
    """
    out: list[Block] = []
    current: list[str] = []
    bullet = False

    def flush() -> None:
        nonlocal current
        if current:
            out.append(Block(bullet, tuple(current)))
        current = []

    for raw in (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
            bullet = False
            continue
        match = _BULLET.match(line)
        if match:
            flush()
            bullet = True
            current = [line[match.end():]]
        elif bullet and current and raw[:1].isspace():
            current[-1] = current[-1] + " " + line.strip()
        else:
            if bullet:
                flush()
                bullet = False
            if current:
                current[-1] = current[-1] + " " + line.strip()
            else:
                current.append(line.strip())
    flush()
    return out
