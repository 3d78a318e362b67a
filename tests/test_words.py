"""One vocabulary: every word the app shows exists in Korean and English, each field's words are
declared once beside the field, and the declaration covers exactly the model's fields."""

import ast
import dataclasses
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import briefing
from briefing import package_data
from briefing.book import labels
from briefing.trip import model, schema
from briefing.ui import i18n

PACKAGE = Path(briefing.__file__).parent
PO = package_data.root() / "locale" / "ko" / "LC_MESSAGES" / "briefing.po"

# Calls whose first literal argument is a word shown to people, and the catalog context it is in:
# tr() in the window, msg() for problems, `say = Words(lang)` on the command line, N_() marks a
# word that is translated later (under its own context: None stands for any).
MARKERS = {"tr": "", "msg": "problem", "say": "", "N_": None}


def catalog():
    with PO.open("rb") as f:
        return read_po(f)


def used_words() -> set[tuple[str | None, str]]:
    """(context, English) for every word the installed package's code asks the catalog for."""
    out = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", "") or getattr(node.func, "attr", "")
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in MARKERS and literal:
                out.add((MARKERS[name], first.value))
            elif name == "translate" and len(node.args) >= 3 and all(
                    isinstance(a, ast.Constant) for a in node.args[1:3]):
                out.add((node.args[2].value, node.args[1].value))
    out.update((f"book:{key}", english) for key, english in labels._EN.items())
    return out


def translations() -> dict[tuple[str | None, str], str]:
    return {(m.context or "", m.id): m.string for m in catalog() if m.id}


def test_every_word_in_the_code_has_its_korean():
    have = translations()
    any_context = {english for (_c, english), ko in have.items() if ko}
    missing = sorted((c or "", e) for c, e in used_words()
                     if not (e in any_context if c is None else have.get((c, e))))
    assert missing == [], "add these to resources/locale/ko/LC_MESSAGES/briefing.po"


def test_no_korean_waits_outside_the_catalog():
    assert i18n.KO == {} and labels._KO == {}, "move these words into the catalog"


def test_the_catalog_holds_no_word_the_code_no_longer_uses():
    used = used_words()
    marked = {e for c, e in used if c is None}  # N_(): shown later under its own context
    stale = sorted(k for k in translations() if not (k in used or k[1] in marked))
    assert stale == []


def test_a_translation_keeps_its_placeholders():
    fields = string.Formatter()
    for (context, english), korean in translations().items():
        if korean:
            names = {f[1] for f in fields.parse(english) if f[1]}
            assert {f[1] for f in fields.parse(korean) if f[1]} == names, (context, english)


def _model_fields(record: type) -> set[str]:
    # `source` (where it was read from), `comment` (the file's opening comment) and `comments`
    # (the file's other comments) are not fields.
    return {f.name for f in dataclasses.fields(record) if f.name not in ("source", "comment", "comments")}


@pytest.mark.parametrize("record", list(schema.FIELDS), ids=lambda r: r.__name__)
def test_the_declaration_and_the_model_have_the_same_fields(record):
    assert {f.name for f in schema.fields_of(record)} == _model_fields(record)


def test_the_top_level_is_declared_as_the_trip_holds_it():
    assert {f.name for f in schema.TOP} == _model_fields(model.Trip)


def test_every_field_has_its_words_in_both_languages():
    for f in [f for fields in schema.FIELDS.values() for f in fields] + list(schema.TOP):
        assert f.ko and f.en and f.ko_long and f.en_long, f.key
        assert re.search("[가-힣]", f.ko + f.ko_long), f.key  # the Korean is Korean


def test_every_choice_has_its_words():
    for fields in schema.FIELDS.values():
        for f in fields:
            for code in f.choices:
                assert code in schema.CHOICE_WORDS, (f.key, code)


def test_one_word_for_one_field_everywhere():
    """방문 기관 is a stop's host (주최 for an event, in the book), 담당 the lead of an agenda
    item, in the window and the book."""
    ko = labels.Labels("ko")
    assert ko["host"] == schema.field(model.Stop, "host").ko == ko["host_visit"] == "방문 기관"
    assert ko["lead"] == schema.field(model.AgendaItem, "lead").ko == "담당"
    assert ko.choice("mode", "train") == schema.choice_label("train", "ko") == "열차"
    assert ko.field("title", "delegation") == "직위" and ko.field("title", "stop") == "제목"


# -- Korean as staff write it (docs/glossary.md) ---------------------------------------------------

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"
_PARTICLE_HACKS = re.compile(r"\((?:는|은|가|이|를|을|와|과|으)\)|\(으\)로")


def _korean_words() -> list[tuple[str, str]]:
    """(where, Korean) for every Korean word of the catalog and of the fields' declarations."""
    out = [(f"po: {m.id!r}", m.string) for m in catalog() if m.id and m.string]
    for f in [f for fields in schema.FIELDS.values() for f in fields] + list(schema.TOP):
        out += [(f"schema: {f.key}", f.ko), (f"schema: {f.key}", f.ko_long)]
    return out


def replaced_terms() -> list[str]:
    """The words the glossary's last column says are no longer used."""
    terms = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("concept", "---"):
            terms += [t.strip() for t in cells[3].split(",") if t.strip()]
    return terms


def test_the_glossary_names_the_words_it_replaced():
    assert {"브리핑북", "방문처", "상대방", "판본"} <= set(replaced_terms())


def test_no_korean_word_is_one_the_glossary_replaced():
    terms = replaced_terms()
    found = [(where, term) for where, text in _korean_words() for term in terms if term in text]
    assert found == []


def test_particles_are_chosen_by_rule_not_written_both_ways():
    """`X은(는)` reads as a form to fill in: the catalog writes {x:은} and the app picks 은 or 는."""
    assert [(w, t) for w, t in _korean_words() if _PARTICLE_HACKS.search(t)] == []


def test_no_korean_message_wraps_a_value_in_backticks():
    assert [(w, t) for w, t in _korean_words() if "`" in t] == []
