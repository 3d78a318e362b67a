"""A personal copy's file is named by the member's name; the id only tells equal names apart."""

from briefing.book import file_name
from briefing.trip import model


def test_a_personal_copy_is_named_by_the_member_s_name():
    people = [model.Person(id="mayor", name="이동환"), model.Person(id="aide", name="김민수"),
              model.Person(id="aide2", name="김민수"), model.Person(id="driver")]
    assert file_name("trip", reader="mayor", people=people) == "trip.이동환.pdf"
    assert file_name("trip", reader="aide2", people=people) == "trip.김민수.aide2.pdf"  # shared name
    assert file_name("trip", reader="driver", people=people) == "trip.driver.pdf"
