"""The window shows choice codes and fields in the words their declaration gives, per language."""

from briefing.trip import model, schema
from briefing.ui import i18n
from briefing.ui.editors import values


def test_choice_codes_show_as_words_in_both_languages():
    try:
        i18n.set_language("ko")
        assert [values.choice_label(k) for k in model.KINDS] == ["면담", "방문", "전시회", "회의", "리셉션", "기타"]
        assert [values.choice_label(p) for p in model.PRESS] == ["공개", "비공개"]
        assert [values.choice_label(m) for m in model.MODES] == ["항공", "열차", "차량", "버스", "선박", "기타"]
        assert values.choice_label("ko") == "한국어"
        assert values.choice_label("summit") == "summit"  # unknown: shown as written
    finally:
        i18n.set_language("en")
    assert [values.choice_label(k) for k in model.KINDS] == [
        "Meeting", "Visit", "Exhibition", "Conference", "Reception", "Other"]
    assert values.choice_label("closed") == "Closed"


def test_field_labels_follow_the_window_language():
    lead = schema.field(model.AgendaItem, "lead")
    host = schema.field(model.Stop, "host")
    try:
        i18n.set_language("ko")
        assert (values.label(lead), values.label(host)) == ("담당", "방문 기관")
        assert values.description(host) == host.ko_long
    finally:
        i18n.set_language("en")
    assert (values.label(lead), values.label(host)) == ("Lead", "Host")


def test_a_declared_word_with_an_ampersand_is_not_an_alt_key():
    assert i18n.with_mnemonic("Q&A", "Q", "Q&A") == "&Q&&A"
    try:
        i18n.set_language("ko")
        assert i18n.with_mnemonic("Q&A", "Q", "예상 질의응답") == "예상 질의응답(&Q)"
    finally:
        i18n.set_language("en")
