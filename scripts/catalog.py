"""Keep the Korean catalog in step with the code (a maintainer's tool; needs Babel).

    .venv/bin/python scripts/catalog.py

Moves the Korean waiting in `briefing/ui/i18n.py` (KO) and `briefing/book/labels.py` (_KO) into
resources/locale/ko/LC_MESSAGES/briefing.po, drops entries the code no longer uses, and lists the
words that still have no Korean. tests/test_words.py fails until this leaves nothing to do.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "resources/locale/ko/LC_MESSAGES/briefing.po"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from test_words import used_words  # noqa: E402  (the one definition of "used")


def pending(path: Path, name: str) -> dict[str, str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        target = getattr(node, "target", None) or (getattr(node, "targets", [None]) or [None])[0]
        if getattr(target, "id", "") == name:
            return ast.literal_eval(node.value)
    return {}


def empty(path: Path, name: str) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(rf"^{name}: dict\[str, str\] = \{{\n.*?^\}}", f"{name}: dict[str, str] = {{\n}}",
                  text, count=1, flags=re.S | re.M)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    from briefing.book import labels

    with PO.open("rb") as f:
        catalog = read_po(f)
    ui = ROOT / "briefing/ui/i18n.py"
    book = ROOT / "briefing/book/labels.py"
    for english, korean in pending(ui, "KO").items():
        catalog.add(english, korean)
    for key, korean in pending(book, "_KO").items():
        catalog.add(labels._EN[key], korean, context=f"book:{key}")
    used = used_words()
    marked = {e for c, e in used if c is None}
    for message in list(catalog):
        key = (message.context or "", message.id)
        if message.id and key not in used and message.id not in marked:
            catalog.delete(message.id, message.context)
            print("dropped", key)
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, sort_output=False)
    empty(ui, "KO")
    empty(book, "_KO")
    have = {(m.context or "", m.id) for m in catalog if m.id and m.string}
    anywhere = {i for _c, i in have}
    missing = sorted((c or "", e) for c, e in used
                     if not (e in anywhere if c is None else (c, e) in have))
    for c, e in missing:
        print(f"no Korean yet: {c + ': ' if c else ''}{e}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
