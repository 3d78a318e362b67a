"""Every fixed word the book prints, in Korean and English, and the date formats that go with them.

The book's labels follow the trip's `language`, not the language the staff wrote the content in.
"""

from __future__ import annotations

import datetime as dt

from briefing.trip import dates, model, schema
from briefing.trip.words import fill, translate

# Korean for book words added since the catalog was last updated; the catalog test lists them,
# and they move into resources/locale/ko/LC_MESSAGES/briefing.po (context "book:KEY").
_KO: dict[str, str] = {
}

# The book's own words (headings, notes, formats), in English; the Korean is in the catalog.
_EN = {
    "contents": "Contents",
    "overview": "Trip overview",
    "visits": "Visits at a glance",
    "stop": "Visit",
    "itinerary": "Itinerary",
    "stops": "Visits and meetings",
    "travel": "Travel and accommodation",
    "flights": "Travel",
    "day": "Day {n}",
    "local_time": "Local time",
    "local_zone": "Local: {zones}",
    # A day sheet
    "no_events": "No events planned",
    "in_air": "On board",  # a day spent in the air, instead of "no events"
    "in_air_date_line": "On board (crossing the date line)",
    "range": "–",  # between two times ("10:00–17:00"); Korean office papers write "~"
    "service": "{name}",  # a flight or train by carrier and number; Korean adds 편
    "night_in_flight": "on board, {what}",
    "time_behind": "Time difference: {n} behind {city}",
    "time_ahead": "Time difference: {n} ahead of {city}",
    "page_col": "Page",
    "overnight": "Overnight",
    "night_on_board": "on board, {what}",
    "hours": "{n} hours",
    "hours_one": "{n} hour",
    "clocks_forward_tonight": "Clocks go forward {n} tonight",
    "clocks_back_tonight": "Clocks go back {n} tonight",
    "clocks_forward_today": "Clocks go forward {n} today",
    "clocks_back_today": "Clocks go back {n} today",
    "clocks_forward_arrival": "Clocks go forward {n} on arrival in {place}",
    "clocks_back_arrival": "Clocks go back {n} on arrival in {place}",
    "date_line": "Crossing the date line: arrival {date}",
    "home_time": "{city} time",
    "event": "Event",
    "place": "Place",
    "position": "Title and organization",
    "contact": "Contact",
    "contact_name": "Office or name",  # a contacts table's first column: an embassy, 112, a person
    "host_visit": "Host",  # the host of a meeting or visit (방문 기관)
    "host_event": "Organizer",  # the host of an exhibition, conference or reception (주최)
    "notes_col": "Notes",
    "when": "When",
    "stop_purpose": "Purpose and desired outcomes",
    "minutes_value": "{n} min",
    "q": "Q",
    "a": "A",
    "notes_page": "Notes",
    "arrival_at": "Arrival in {place}",
    "departed": "left {place} {date} {time}",
    "period": "Dates",
    "nights": "{n} nights",
    "nights_one": "{n} night",
    "version": "Version {v}",
    "as_of": "as of {date}",
    "edition_full": "Full edition",
    "edition_handout": "Handout edition (internal items left out)",
    "edition_full_short": "Full edition",
    "edition_handout_short": "Handout",
    "page": "{n} / ",
    "placeholder": "□",
    "continued": "{what} (continued)",  # atop a page where a block carries over
    # The stop pages and the key-messages page
    "counterpart_main": "Counterpart",  # the facts row naming who sits across the table
    "counterpart_more": "and {n} more",
    "caution": "Internal note — not to be read out",  # an internal talking point's ※ box
    "change_mark": "changed",  # beside an item the changes page lists
    "key_messages": "Key messages",
    # A personal copy
    "personal_copy": "Personal copy",
    "reader_titled": "{name} ({title})",
    "reader": "{name}",
    "copy_for": "Copy for {name}",
    "copy_number": "Copy {n} of {of}",  # a personal copy's place in the delegation's order
    # A book made from a trip that is not final
    "draft_mark": "DRAFT",
    "draft_note": "Draft: not the final book",
    "mine": "You",
    "my_turn": "You",
    "not_attending": "Not attending",
    "not_attending_note": "{name} is not listed to attend this visit.",
    # What changed since an earlier version
    "changes": "Changes",
    "changes_since": "What changed since {version} ({date}).",
    "changes_since_nodate": "What changed since {version}.",
    "previous_version": "the previous version",
    "no_changes": "Nothing has changed.",
    "added": "Added",
    "removed": "Removed",
    "changed": "Changed",
    "change_what": "What",
    "before": "Before",
    "after": "Now",
    "yes": "yes",
    "no": "no",
    "trip_wide": "The trip",
    "everyone": "the whole delegation",
    "same_version_note": "This book and the earlier one have the same version label and date, "
                         "but their content differs: the cover alone does not tell them apart. "
                         "Give this version a new version label or date.",
}

# Book words that are a field's words: they come from the field's declaration (briefing.schema).
_DECLARED: dict[str, tuple[type | None, str]] = {
    **{name: (model.Stop, name) for name in (
        "host", "kind", "press", "interpreter", "dress_code", "attendees", "outcomes", "agenda",
        "talking_points", "questions", "counterparts", "background", "protocol", "logistics",
        "notes", "venue", "date")},
    **{name: (model.AgendaItem, name) for name in ("time", "minutes", "item", "lead")},
    "key": (model.TalkingPoint, "key"), "internal": (model.TalkingPoint, "internal"),
    "address_as": (model.Counterpart, "address_as"),
    **{name: (model.TravelLeg, name) for name in ("mode", "depart", "arrive", "reference")},
    "check_in": (model.Stay, "check_in"), "check_out": (model.Stay, "check_out"),
    "stay": (model.Stay, "name"),
    **{name: (model.TripInfo, name) for name in ("prepared_by", "purpose", "objectives")},
    **{name: (model.Person, name) for name in ("name", "role", "phone", "email")},
    **{name: (None, name) for name in ("delegation", "stays", "contacts")},
}

# The record a section of the changes page (briefing.changes) is about.
_SECTION_RECORDS = {
    "trip": model.TripInfo, "delegation": model.Person, "stop": model.Stop,
    "agenda": model.AgendaItem, "talking_points": model.TalkingPoint, "questions": model.Question,
    "counterparts": model.Counterpart, "travel": model.TravelLeg, "stays": model.Stay,
    "contacts": model.Contact,
}

# Readers think of home time as a city's time ("서울 시각"), not as a zone name.
_CITIES = {
    "Asia/Seoul": ("서울", "Seoul"),
    "Asia/Tokyo": ("도쿄", "Tokyo"),
    "Asia/Shanghai": ("베이징", "Beijing"),
    "Europe/London": ("런던", "London"),
    "Europe/Paris": ("파리", "Paris"),
    "Europe/Berlin": ("베를린", "Berlin"),
    "Europe/Madrid": ("마드리드", "Madrid"),
    "America/New_York": ("뉴욕", "New York"),
    "America/Los_Angeles": ("LA", "Los Angeles"),
    "UTC": ("UTC", "UTC"),
}


class Labels:
    """The label table for one language, with date and time formats."""

    def __init__(self, lang: str):
        self.lang = "en" if lang == "en" else "ko"

    def __getitem__(self, key: str) -> str:
        declared = _DECLARED.get(key)
        if declared is not None:
            record, name = declared
            f = schema.top(name) if record is None else schema.field(record, name)
            return f.label(self.lang)
        english = _EN[key]
        text = translate(self.lang, english, f"book:{key}")
        if self.lang == "ko" and text == english:
            text = _KO.get(key, english)
        return text

    def __call__(self, key: str, **values) -> str:
        return fill(self[key], **values)

    def count(self, key: str, n: int) -> str:
        """A label with a number, singular or plural ('1 night', '3 nights')."""
        return self(f"{key}_one" if n == 1 and f"{key}_one" in _EN else key, n=n)

    def choice(self, field: str, value: str) -> str:
        """A kind, press or mode code in words; an unknown value prints as written."""
        return schema.choice_label(value, self.lang)

    def field(self, name: str, section: str = "") -> str:
        """A trip field's name in words (of the record `section` is about); else as written."""
        record = _SECTION_RECORDS.get(section)
        records = [record] if record else list(_SECTION_RECORDS.values())
        for r in records:
            try:
                return schema.field(r, name).label(self.lang)
            except KeyError:
                continue
        return name

    def city(self, tz_name: str) -> str:
        names = _CITIES.get(tz_name)
        if names:
            return names[1 if self.lang == "en" else 0]
        return tz_name.rsplit("/", 1)[-1].replace("_", " ")

    def known_city(self, tz_name: str) -> str:
        """The city a well-known zone is named by, or "" for another zone."""
        names = _CITIES.get(tz_name)
        return names[1 if self.lang == "en" else 0] if names else ""

    def weekday(self, day: dt.date) -> str:
        return dates.weekday(day, self.lang)

    def date(self, day: dt.date | None) -> str:
        """A date with its weekday, the way each language writes it in official papers."""
        return dates.date(day, self.lang)

    def short_date(self, day: dt.date | None) -> str:
        return dates.short_date(day, self.lang)

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        return dates.date_range(start, end, self.lang)

    @staticmethod
    def time(moment: dt.time | dt.datetime | None) -> str:
        return "" if moment is None else f"{moment.hour:02d}:{moment.minute:02d}"
