"""Korean particles chosen by the word before them, as `{name:은}` in the catalog asks."""

import pytest

from briefing.trip import words
from briefing.trip.problems import msg


@pytest.mark.parametrize(("word", "expected"), [
    ("서울", "서울은 서울이 서울을 서울과 서울로"),  # final ㄹ: 로, not 으로
    ("바르셀로나", "바르셀로나는 바르셀로나가 바르셀로나를 바르셀로나와 바르셀로나로"),
    ("고양특례시청", "고양특례시청은 고양특례시청이 고양특례시청을 고양특례시청과 고양특례시청으로"),
    ("3", "3은 3이 3을 3과 3으로"),  # 삼
    ("2", "2는 2가 2를 2와 2로"),  # 이
    ("7", "7은 7이 7을 7과 7로"),  # 칠: final ㄹ
    ("10", "10은 10이 10을 10과 10으로"),  # 십
    ("100", "100은 100이 100을 100과 100으로"),  # 백
    ("2023-02-27", "2023-02-27은 2023-02-27이 2023-02-27을 2023-02-27과 2023-02-27로"),
    ("MWC", "MWC는 MWC가 MWC를 MWC와 MWC로"),  # 씨
    ("URL", "URL은 URL이 URL을 URL과 URL로"),  # 엘
    ("대한항공(KE)", "대한항공(KE)은 대한항공(KE)이 대한항공(KE)을 대한항공(KE)과 대한항공(KE)으로"),
    ("2023. 3. 7.(화)", "2023. 3. 7.(화)은 2023. 3. 7.(화)이 2023. 3. 7.(화)을 2023. 3. 7.(화)과 "
                        "2023. 3. 7.(화)로"),  # read after 7 (칠), not after the weekday
])
def test_the_particle_follows_the_last_sound(word, expected):
    assert words.fill("{w:은} {w:이} {w:을} {w:과} {w:으로}", w=word) == expected


def test_either_member_of_a_pair_may_be_written_and_a_value_may_be_quoted():
    assert words.fill("{a:는} {a:가}", a="서울") == "서울은 서울이"
    assert words.fill("{a:‘을} 찾을 수 없습니다", a="고양") == "‘고양’을 찾을 수 없습니다"
    assert words.fill("{a:‘}", a="고양") == "‘고양’"


def test_plain_placeholders_and_format_specs_still_work():
    assert words.fill("{n} of {m:>3}", n=1, m=2) == "1 of   2"


def test_a_problem_message_picks_its_particles_by_the_value():
    """The catalog's message for an unknown key writes {key:‘은}: ‘tilte’은 / ‘venue’는."""
    unknown = "unknown key ‘{key}’; {hint}"
    assert msg(unknown, key="venue", hint="").render("ko").startswith("‘venue’는 ")
    assert msg(unknown, key="장소", hint="").render("ko").startswith("‘장소’는 ")
    assert msg(unknown, key="시간", hint="").render("ko").startswith("‘시간’은 ")
