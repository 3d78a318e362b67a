"""Every text the window shows has its Korean translation, and choice codes show as words."""

import ast
import pathlib

from briefing import model, schema
from briefing.ui import i18n, values

UI = pathlib.Path(i18n.__file__).parent


def literal_texts():
    """The English texts passed to tr() (and the label tables that tr() is later applied to)."""
    texts = set()
    for path in UI.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                texts.add(node.args[0].value)
    texts.update(values.LABELS.values())
    texts.update(values.HINTS.values())
    texts.update(values.CHOICE_LABELS.values())
    return texts


def test_every_window_text_has_a_korean_translation():
    missing = sorted(t for t in literal_texts() if t not in i18n.KO)
    assert missing == []


def test_choice_codes_show_as_words_in_both_languages():
    try:
        i18n.set_language("ko")
        assert [values.choice_label(k) for k in model.KINDS] == ["면담", "방문", "전시회", "컨퍼런스", "리셉션", "기타"]
        assert [values.choice_label(p) for p in model.PRESS] == ["공개", "비공개"]
        assert [values.choice_label(m) for m in model.MODES] == ["항공", "철도", "자동차", "버스", "선박", "기타"]
        assert values.choice_label("ko") == "한국어"
        assert values.choice_label("summit") == "summit"  # unknown: shown as written
    finally:
        i18n.set_language("en")
    assert [values.choice_label(k) for k in model.KINDS] == [
        "Meeting", "Visit", "Exhibition", "Conference", "Reception", "Other"]
    assert values.choice_label("closed") == "Closed"


def test_every_choice_code_has_a_word():
    for fields in schema.FIELDS.values():
        for f in fields:
            for choice in f.choices:
                assert choice in values.CHOICE_LABELS
