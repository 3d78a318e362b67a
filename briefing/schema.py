"""The trip file's fields, once: key order, value kinds and what is required.

The loader, the writer, the validator and the JSON Schema all read this table, so a field added
here is read, written, checked and described everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import model

# Value kinds. TEXT keeps whatever the person typed; LONGTEXT is TEXT that is written as a `|`
# block and may carry bullets and paragraphs.
TEXT, LONGTEXT, TEXTS, DATE, TIME, DATETIME, INT, BOOL, RECORD, RECORDS = (
    "text", "longtext", "texts", "date", "time", "datetime", "int", "bool", "record", "records",
)


@dataclass(frozen=True)
class Field:
    key: str  # the key in the file
    kind: str
    attr: str = ""  # the model attribute, when it differs from the key
    required: bool = False
    choices: tuple[str, ...] = ()
    record: type | None = None  # for RECORD and RECORDS
    doc: str = ""
    example: Any = None

    @property
    def name(self) -> str:
        return self.attr or self.key


def _f(key, kind, doc="", **kw) -> Field:
    return Field(key, kind, doc=doc, **kw)


FIELDS: dict[type, tuple[Field, ...]] = {
    model.TripInfo: (
        _f("title", TEXT, "Trip title, printed on the cover", required=True),
        _f("subtitle", TEXT, "Subtitle under the title"),
        _f("organization", TEXT, "Issuing organization"),
        _f("purpose", LONGTEXT, "Trip overview, a few lines"),
        _f("objectives", TEXTS, "What success looks like"),
        _f("start", DATE, "First day of the trip", required=True),
        _f("end", DATE, "Last day of the trip (not before start)", required=True),
        _f("home_timezone", TEXT, "IANA time zone of home; default Asia/Seoul"),
        _f("language", TEXT, "Language of the book's labels", choices=model.LANGUAGES),
        _f("marking", TEXT, "Handling marking printed on every page, e.g. 대외비"),
        _f("version", TEXT, "Edition label printed on the cover"),
        _f("updated", DATE, "Date of this edition"),
        _f("prepared_by", TEXT, "Who prepared the book"),
    ),
    model.Person: (
        _f("id", TEXT, "Short key that stops and talking points refer to; default: name"),
        _f("name", TEXT, "Full name", required=True),
        _f("title", TEXT, "Job title"),
        _f("organization", TEXT, "Organization"),
        _f("role", TEXT, "Role in the delegation"),
        _f("phone", TEXT, "Mobile phone"),
        _f("email", TEXT, "Email address"),
    ),
    model.AgendaItem: (
        _f("time", TIME, "Local start time, HH:MM"),
        _f("minutes", INT, "Duration in minutes"),
        _f("item", TEXT, "What happens", required=True),
        _f("lead", TEXT, "Who leads it: a delegation id or a name"),
        _f("notes", TEXT, "Notes"),
    ),
    model.TalkingPoint: (
        _f("text", LONGTEXT, "The point to make", required=True),
        _f("speaker", TEXT, "Delegation id of who says it"),
        _f("key", BOOL, "A key message: it stands out in the book"),
        _f("details", TEXTS, "Sub-points"),
        _f("internal", BOOL, "Left out of the handout edition"),
    ),
    model.Question: (
        _f("question", LONGTEXT, "The question to expect", required=True),
        _f("answer", LONGTEXT, "The suggested answer"),
        _f("internal", BOOL, "Left out of the handout edition"),
    ),
    model.Counterpart: (
        _f("name", TEXT, "Full name", required=True),
        _f("title", TEXT, "Job title"),
        _f("organization", TEXT, "Organization"),
        _f("address_as", TEXT, "How to address them"),
        _f("bio", LONGTEXT, "Short biography"),
    ),
    model.Stop: (
        _f("title", TEXT, "Name of the meeting or visit", required=True),
        _f("kind", TEXT, "Kind of stop", choices=model.KINDS),
        _f("host", TEXT, "Host organization"),
        _f("city", TEXT, "City"),
        _f("country", TEXT, "Country"),
        _f("venue", TEXT, "Venue"),
        _f("address", TEXT, "Street address"),
        _f("timezone", TEXT, "IANA time zone; default: the trip's home_timezone"),
        _f("date", DATE, "Local date", required=True),
        _f("start", TIME, "Local start time, HH:MM"),
        _f("end", TIME, "Local end time, HH:MM"),
        _f("attendees", TEXTS, "Delegation ids; default: the whole delegation"),
        _f("press", TEXT, "Press access", choices=model.PRESS),
        _f("interpreter", TEXT, "Interpreter"),
        _f("dress_code", TEXT, "Dress code"),
        _f("purpose", LONGTEXT, "Purpose of this stop"),
        _f("outcomes", TEXTS, "Desired outcomes / asks"),
        _f("agenda", RECORDS, "Run of show", record=model.AgendaItem),
        _f("talking_points", RECORDS, "Talking points", record=model.TalkingPoint),
        _f("questions", RECORDS, "Anticipated questions", record=model.Question),
        _f("counterparts", RECORDS, "People across the table", record=model.Counterpart),
        _f("background", LONGTEXT, "About the host, previous contacts, context"),
        _f("protocol", LONGTEXT, "Gifts, seating, dietary needs"),
        _f("logistics", LONGTEXT, "Meeting point, transport, contact on site"),
        _f("notes", LONGTEXT, "Internal notes: left out of the handout edition"),
    ),
    model.TravelLeg: (
        _f("mode", TEXT, "How", choices=model.MODES),
        _f("carrier", TEXT, "Airline, railway or company"),
        _f("number", TEXT, "Flight or train number"),
        _f("from", TEXT, "Where from", attr="origin", required=True),
        _f("to", TEXT, "Where to", attr="destination", required=True),
        _f("depart", DATETIME, "Local departure, YYYY-MM-DD HH:MM", required=True),
        _f("depart_timezone", TEXT, "IANA time zone at `from`; default: home_timezone"),
        _f("arrive", DATETIME, "Local arrival, YYYY-MM-DD HH:MM"),
        _f("arrive_timezone", TEXT, "IANA time zone at `to`; default: home_timezone"),
        _f("reference", TEXT, "Booking reference"),
        _f("notes", TEXT, "Notes"),
    ),
    model.Stay: (
        _f("name", TEXT, "Hotel name", required=True),
        _f("city", TEXT, "City"),
        _f("address", TEXT, "Address"),
        _f("phone", TEXT, "Phone"),
        _f("check_in", DATE, "Check-in date"),
        _f("check_out", DATE, "Check-out date"),
        _f("notes", TEXT, "Notes"),
    ),
    model.Contact: (
        _f("name", TEXT, "Name", required=True),
        _f("role", TEXT, "Role"),
        _f("phone", TEXT, "Phone"),
        _f("email", TEXT, "Email"),
        _f("notes", TEXT, "Notes"),
    ),
}

# The top level of the file. `briefing` is the format version; the rest map onto Trip.
TOP: tuple[Field, ...] = (
    _f("briefing", INT, "Format version: 1", attr="format_version", required=True),
    _f("trip", RECORD, "The trip", attr="info", required=True, record=model.TripInfo),
    _f("delegation", RECORDS, "Who travels", record=model.Person),
    _f("stops", RECORDS, "Meetings and visits, in book order", record=model.Stop),
    _f("travel", RECORDS, "Flights, trains and drives", record=model.TravelLeg),
    _f("stays", RECORDS, "Hotels", record=model.Stay),
    _f("contacts", RECORDS, "Embassy, coordinators, emergency numbers", record=model.Contact),
)

# Fields whose value may be None as opposed to empty (see model.Stop.attendees).
NULLABLE_LISTS = {(model.Stop, "attendees")}


def fields_of(record: type) -> tuple[Field, ...]:
    return FIELDS[record]


def format_path(path: tuple) -> str:
    """('stops', 2, 'agenda', 1, 'time') -> 'stops[2].agenda[1].time'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
