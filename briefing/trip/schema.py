"""The trip file's fields, once: key order, value kinds and what is required.

The loader, the writer, the validator and the JSON Schema all read this table, so a field added
here is read, written, checked and described everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.trip import model

# Value kinds. TEXT keeps whatever the person typed; LONGTEXT is TEXT that is written as a `|`
# block and may carry bullets and paragraphs. DECIMAL is a sum of money, held exactly as written.
TEXT, LONGTEXT, TEXTS, DATE, TIME, DATETIME, INT, BOOL, RECORD, RECORDS = (
    "text", "longtext", "texts", "date", "time", "datetime", "int", "bool", "record", "records",
)
DECIMAL = "decimal"


@dataclass(frozen=True)
class Field:
    """One key of the trip file and everything every part of the app says about it."""

    key: str  # the key in the file
    kind: str
    ko: str = ""  # the short words: a label, a column header, a place in a message
    en: str = ""
    ko_long: str = ""  # the long words: a tooltip, a JSON Schema description
    en_long: str = ""
    attr: str = ""  # the model attribute, when it differs from the key
    required: bool = False
    choices: tuple[str, ...] = ()
    record: type | None = None  # for RECORD and RECORDS
    example: Any = None
    since: int = 1  # the format version that brought the field in
    # The value names a person: a delegation id, shown as that member's name wherever it prints
    # (the window's lists, the book, the changes page), or free text for someone else.
    person: bool = False
    # What the handout (the edition given outside) leaves out: a field whose content is
    # internal (a stop's notes), or the flag that makes its whole record internal (a talking
    # point's or a question's `internal`).
    internal: bool = False

    @property
    def name(self) -> str:
        return self.attr or self.key

    @property
    def doc(self) -> str:
        return self.en_long

    def label(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en

    def description(self, lang: str) -> str:
        return self.ko_long if lang == "ko" else self.en_long


def _f(key, kind, ko, en, ko_long, en_long, **kw) -> Field:
    return Field(key, kind, ko, en, ko_long, en_long, **kw)


FIELDS: dict[type, tuple[Field, ...]] = {
    model.TripInfo: (
        _f("title", TEXT, "제목", "Title", "출장 제목, 표지에 인쇄됩니다",
           "Trip title, printed on the cover", required=True),
        _f("subtitle", TEXT, "부제", "Subtitle", "제목 아래의 부제", "Subtitle under the title"),
        _f("organization", TEXT, "기관", "Organization", "출장을 보내는 기관",
           "Issuing organization"),
        _f("purpose", LONGTEXT, "출장 목적", "Purpose", "출장 개요, 몇 줄로",
           "Trip overview, a few lines"),
        _f("objectives", TEXTS, "주요 목표", "Objectives", "출장으로 이루려는 것",
           "What success looks like"),
        _f("start", DATE, "시작일", "Start", "출장 첫날", "First day of the trip", required=True),
        _f("end", DATE, "종료일", "End", "출장 마지막 날 (시작일보다 앞설 수 없음)",
           "Last day of the trip (not before start)", required=True),
        _f("home_timezone", TEXT, "본국 시간대", "Home time zone",
           "본국의 IANA 시간대, 비워 두면 Asia/Seoul", "IANA time zone of home; default Asia/Seoul"),
        _f("language", TEXT, "자료집 언어", "Book language", "출장 자료집 고정 문구의 언어",
           "Language of the book's labels", choices=model.LANGUAGES),
        _f("marking", TEXT, "보안 표시", "Marking", "모든 쪽에 인쇄되는 취급 표시 (예: 대외비)",
           "Handling marking printed on every page, e.g. 대외비"),
        _f("version", TEXT, "수정 차수", "Version", "표지에 인쇄되는 수정 차수 (예: 3은 제3판)",
           "Edition label printed on the cover"),
        _f("updated", DATE, "수정일", "Updated", "이 판의 날짜", "Date of this edition"),
        _f("prepared_by", TEXT, "작성 부서", "Prepared by", "출장 자료집을 만든 부서",
           "Who prepared the book"),
        _f("necessity", LONGTEXT, "출장 필요성", "Necessity", "출장이 필요한 이유 (출장계획서에 실립니다)",
           "Why the trip is needed, for the trip plan", since=2),
        _f("expected_effects", LONGTEXT, "기대 효과", "Expected effects",
           "출장으로 기대하는 효과 (출장계획서에 실립니다; 주요 목표와 따로 씁니다)",
           "What the trip should bring about, for the trip plan (not the objectives again)",
           since=2),
        _f("budget", RECORDS, "소요 예산", "Budget", "소요 예산 (출장계획서에 실립니다)",
           "The trip's costs, for the trip plan", record=model.BudgetItem, since=2),
        _f("budget_code", TEXT, "예산 과목", "Budget code", "예산 과목 (예: 국외여비 (201-03))",
           "The budget line the trip is paid from, printed beside the budget", since=2),
        _f("exchange_rates", RECORDS, "환율", "Exchange rates",
           "외화 예산과 경비를 원화로 환산하는 환율, 통화마다 하나",
           "Rates that convert foreign budget and expenses into the home currency, one per currency",
           record=model.ExchangeRate, since=2),
        _f("approval_line", TEXTS, "결재란", "Approval line",
           "출장계획서와 결과보고서 첫 쪽의 결재란 칸, 왼쪽부터 (예: 담당, 팀장, 과장)",
           "The approval boxes on the plan's and report's first page, left to right", since=2),
        _f("report", RECORD, "결과보고", "Report", "출장 후 결과보고서의 총괄, 시사점, 작성자",
           "After the trip: the report's summary, insights and author", record=model.Report,
           since=2),
    ),
    model.BudgetItem: (
        _f("item", TEXT, "항목", "Item", "예산 항목 (예: 항공료)", "What the money is for, e.g. airfare",
           required=True),
        _f("amount", DECIMAL, "금액", "Amount", "그 통화로 적은 금액 (소수 허용)",
           "A number in that currency (decimals allowed)", required=True),
        _f("currency", TEXT, "통화", "Currency", "ISO 4217 통화 코드, 비워 두면 KRW",
           "ISO 4217 currency code; default KRW"),
        _f("basis", TEXT, "산출 근거", "Basis", "금액을 어떻게 셈했는지 (예: 5명 × 2,900,000원)",
           "How it was computed, e.g. 5 × 2,900,000 won"),
    ),
    model.ExchangeRate: (
        _f("currency", TEXT, "통화", "Currency", "외화의 ISO 4217 통화 코드 (예: EUR)",
           "ISO 4217 code of the foreign currency, e.g. EUR", required=True),
        _f("rate", DECIMAL, "환율", "Rate", "그 통화 1단위에 해당하는 원화 금액 (예: 1420.50)",
           "Home-currency units for 1 unit of the currency, e.g. 1420.50", required=True),
        _f("as_of", DATE, "기준일", "As of", "환율의 기준일", "The date of the rate"),
        _f("source", TEXT, "출처", "Source", "환율의 출처 (예: 서울외국환중개 매매기준율)",
           "Where the rate comes from", attr="quoted_by"),
    ),
    model.Attachment: (
        _f("title", TEXT, "제목", "Title", "붙임의 제목", "What the attachment is", required=True),
        _f("file", TEXT, "파일", "File",
           "사진 파일 (PNG 또는 JPEG, 출장 파일 기준 상대 경로); 비워 두면 제목만 실립니다",
           "A PNG or JPEG photo, relative to the trip file; none: listed by title only"),
    ),
    model.Remark: (
        _f("side", TEXT, "구분", "Side", "우리측 또는 상대측", "Our side or theirs",
           choices=model.SIDES),
        _f("speaker", TEXT, "발언자", "Speaker", "말한 사람: 대표단 ID, 상대측 이름 또는 자유 기재",
           "Who said it: a delegation id, a counterpart's name, or any text", person=True),
        _f("text", LONGTEXT, "내용", "Text", "말한 내용의 요지", "What was said", required=True),
    ),
    model.Report: (
        _f("summary", LONGTEXT, "총괄", "Summary", "출장으로 이룬 것, 몇 줄로",
           "What the trip achieved, a few lines"),
        _f("insights", LONGTEXT, "시사점", "Insights", "기관이 이 출장에서 얻을 시사점",
           "What the organization should take from it"),
        _f("author", TEXT, "작성자", "Author", "결과보고서를 쓴 사람 또는 부서", "Who writes the report"),
        _f("date", DATE, "작성일", "Date", "결과보고서의 날짜", "Date of the report"),
        _f("expenses", RECORDS, "경비 집행", "Expenses",
           "실제로 쓴 경비, 소요 예산과 같은 항목으로", "What was actually spent, item by item",
           record=model.BudgetItem),
        _f("attachments", RECORDS, "붙임", "Attachments", "사진과 수집 자료",
           "Photos and collected material", record=model.Attachment),
    ),
    model.FollowUp: (
        _f("action", TEXT, "조치 사항", "Action", "합의한 후속 조치", "The action agreed",
           required=True),
        _f("owner", TEXT, "담당", "Owner", "맡은 사람: 대표단 ID 또는 이름",
           "Who does it: a delegation id or a name", person=True),
        _f("due", DATE, "기한", "Due", "마칠 날짜", "When it is due"),
        _f("done", BOOL, "완료", "Done", "마쳤으면 표시", "Whether it is done"),
    ),
    model.Person: (
        _f("id", TEXT, "ID", "Id", "방문 일정과 말씀자료에서 이 사람을 가리키는 짧은 키, 비워 두면 성명",
           "Short key that stops and talking points refer to; default: name"),
        _f("name", TEXT, "성명", "Name", "성명", "Full name", required=True),
        _f("title", TEXT, "직위", "Title", "직위", "Job title"),
        _f("organization", TEXT, "소속", "Organization", "소속 기관", "Organization"),
        _f("role", TEXT, "역할", "Role", "대표단에서 맡은 역할", "Role in the delegation"),
        _f("phone", TEXT, "전화", "Phone", "휴대전화", "Mobile phone"),
        _f("email", TEXT, "이메일", "Email", "이메일 주소", "Email address"),
    ),
    model.AgendaItem: (
        _f("time", TIME, "시각", "Time", "현지 시작 시각, HH:MM", "Local start time, HH:MM"),
        _f("minutes", INT, "소요", "Minutes", "소요 시간(분)", "Duration in minutes"),
        _f("item", TEXT, "내용", "Item", "진행 내용", "What happens", required=True),
        _f("lead", TEXT, "담당", "Lead", "진행을 맡은 사람: 대표단 ID 또는 이름",
           "Who leads it: a delegation id or a name", person=True),
        _f("notes", TEXT, "비고", "Notes", "비고", "Notes"),
    ),
    model.TalkingPoint: (
        _f("text", LONGTEXT, "내용", "Text", "전할 말씀", "The point to make", required=True),
        _f("speaker", TEXT, "발언자", "Speaker", "말씀하는 사람의 대표단 ID",
           "Delegation id of who says it", person=True),
        _f("key", BOOL, "핵심", "Key", "핵심 메시지: 출장 자료집에서 눈에 띄게 인쇄됩니다",
           "A key message: it stands out in the book"),
        _f("details", TEXTS, "세부 내용", "Details", "세부 항목", "Sub-points"),
        _f("internal", BOOL, "내부용", "Internal", "배포본에서는 빠집니다",
           "Left out of the handout edition", internal=True),
    ),
    model.Question: (
        _f("question", LONGTEXT, "질문", "Question", "예상 질문", "The question to expect",
           required=True),
        _f("answer", LONGTEXT, "답변", "Answer", "답변 요지", "The suggested answer"),
        _f("internal", BOOL, "내부용", "Internal", "배포본에서는 빠집니다",
           "Left out of the handout edition", internal=True),
    ),
    model.Counterpart: (
        _f("name", TEXT, "성명", "Name", "성명", "Full name", required=True),
        _f("title", TEXT, "직위", "Title", "직위", "Job title"),
        _f("organization", TEXT, "소속", "Organization", "소속 기관", "Organization"),
        _f("address_as", TEXT, "호칭", "Address as", "부를 때 쓰는 호칭", "How to address them"),
        _f("bio", LONGTEXT, "약력", "Bio", "약력", "Short biography"),
    ),
    model.Stop: (
        _f("title", TEXT, "제목", "Title", "면담·방문의 이름", "Name of the meeting or visit",
           required=True),
        _f("kind", TEXT, "유형", "Kind", "방문 유형", "Kind of stop", choices=model.KINDS),
        _f("host", TEXT, "방문 기관", "Host", "방문하는 기관 (전시회·회의·리셉션은 주최 기관)",
           "Host organization (the organizer of an exhibition, conference or reception)"),
        _f("city", TEXT, "도시", "City", "도시", "City"),
        _f("country", TEXT, "국가", "Country", "국가", "Country"),
        _f("venue", TEXT, "장소", "Venue", "장소", "Venue"),
        _f("address", TEXT, "주소", "Address", "주소", "Street address"),
        _f("timezone", TEXT, "시간대", "Time zone", "IANA 시간대, 비워 두면 출장의 본국 시간대",
           "IANA time zone; default: the trip's home_timezone"),
        _f("date", DATE, "일자", "Date", "현지 일자", "Local date", required=True),
        _f("start", TIME, "시작 시각", "Start", "현지 시작 시각, HH:MM", "Local start time, HH:MM"),
        _f("end", TIME, "종료 시각", "End", "현지 종료 시각, HH:MM (자정을 넘기면 다음 날)",
           "Local end time, HH:MM (past midnight: the next day)"),
        _f("attendees", TEXTS, "참석자", "Attendees", "참석하는 대표단 ID, 비워 두면 대표단 전원",
           "Delegation ids; default: the whole delegation", person=True),
        _f("press", TEXT, "언론", "Press", "언론 공개 여부", "Press access", choices=model.PRESS),
        _f("interpreter", TEXT, "통역", "Interpreter", "통역", "Interpreter"),
        _f("dress_code", TEXT, "복장", "Dress code", "복장", "Dress code"),
        _f("purpose", LONGTEXT, "목적", "Purpose", "이 방문의 목적", "Purpose of this stop"),
        _f("outcomes", TEXTS, "기대 성과", "Desired outcomes", "기대 성과와 요청 사항",
           "Desired outcomes / asks"),
        _f("agenda", RECORDS, "세부 일정", "Agenda", "진행 순서", "Run of show",
           record=model.AgendaItem),
        _f("talking_points", RECORDS, "말씀자료", "Talking points", "말씀자료", "Talking points",
           record=model.TalkingPoint),
        _f("questions", RECORDS, "예상 질의응답", "Q&A", "예상 질문과 답변",
           "Anticipated questions", record=model.Question),
        _f("counterparts", RECORDS, "인물 정보", "Counterparts", "상대측 인물",
           "People across the table", record=model.Counterpart),
        _f("background", LONGTEXT, "배경", "Background", "방문 기관 소개, 교류 경과, 현황",
           "About the host, previous contacts, context"),
        _f("protocol", LONGTEXT, "의전", "Protocol", "선물, 좌석, 식사 관련 사항",
           "Gifts, seating, dietary needs"),
        _f("logistics", LONGTEXT, "현장 안내", "Logistics", "집결 장소, 이동, 현장 연락처",
           "Meeting point, transport, contact on site"),
        _f("notes", LONGTEXT, "내부 메모", "Internal notes", "내부 메모: 배포본에서는 빠집니다",
           "Internal notes: left out of the handout edition", internal=True),
        _f("discussion", RECORDS, "주요 면담 내용", "Discussion",
           "면담에서 오간 말: 우리측과 상대측 (결과보고서)",
           "What each side said at the meeting, for the post-trip report",
           record=model.Remark, since=2),
        _f("results", LONGTEXT, "주요 활동 및 결과", "Results", "이 방문에서 실제로 한 일과 결과 (결과보고서)",
           "What happened at this stop, for the post-trip report", since=2),
        _f("follow_up", RECORDS, "후속 조치", "Follow-up", "이 방문에서 합의한 후속 조치",
           "Actions agreed at this stop", record=model.FollowUp, since=2),
    ),
    model.TravelLeg: (
        _f("mode", TEXT, "교통수단", "Mode", "교통수단", "How", choices=model.MODES),
        _f("carrier", TEXT, "운송사", "Carrier", "항공사, 철도회사 또는 운송 회사",
           "Airline, railway or company"),
        _f("number", TEXT, "편명", "Number", "항공편 또는 열차 번호", "Flight or train number"),
        _f("from", TEXT, "출발지", "From", "출발지", "Where from", attr="origin", required=True),
        _f("to", TEXT, "도착지", "To", "도착지", "Where to", attr="destination", required=True),
        _f("depart", DATETIME, "출발", "Departs", "현지 출발 일시, YYYY-MM-DD HH:MM",
           "Local departure, YYYY-MM-DD HH:MM", required=True),
        _f("depart_timezone", TEXT, "출발지 시간대", "Departure time zone",
           "출발지의 IANA 시간대, 비워 두면 본국 시간대",
           "IANA time zone at `from`; default: home_timezone"),
        _f("arrive", DATETIME, "도착", "Arrives", "현지 도착 일시, YYYY-MM-DD HH:MM",
           "Local arrival, YYYY-MM-DD HH:MM"),
        _f("arrive_timezone", TEXT, "도착지 시간대", "Arrival time zone",
           "도착지의 IANA 시간대, 비워 두면 본국 시간대",
           "IANA time zone at `to`; default: home_timezone"),
        _f("reference", TEXT, "예약번호", "Booking", "예약번호", "Booking reference"),
        _f("notes", TEXT, "비고", "Notes", "비고", "Notes"),
    ),
    model.Stay: (
        _f("name", TEXT, "숙소", "Hotel", "숙소 이름", "Hotel name", required=True),
        _f("city", TEXT, "도시", "City", "도시", "City"),
        _f("address", TEXT, "주소", "Address", "주소", "Address"),
        _f("phone", TEXT, "전화", "Phone", "전화", "Phone"),
        _f("check_in", DATE, "체크인", "Check-in", "체크인 날짜", "Check-in date"),
        _f("check_out", DATE, "체크아웃", "Check-out", "체크아웃 날짜", "Check-out date"),
        _f("notes", TEXT, "비고", "Notes", "비고", "Notes"),
    ),
    model.Contact: (
        _f("name", TEXT, "이름", "Name", "이름 또는 기관", "Name", required=True),
        _f("role", TEXT, "역할", "Role", "역할", "Role"),
        _f("phone", TEXT, "전화", "Phone", "전화", "Phone"),
        _f("email", TEXT, "이메일", "Email", "이메일", "Email"),
        _f("notes", TEXT, "비고", "Notes", "비고", "Notes"),
    ),
}

# The top level of the file. `briefing` is the format version; the rest map onto Trip.
TOP: tuple[Field, ...] = (
    _f("briefing", INT, "형식 버전", "Format version", "파일 형식 버전: 1 또는 2",
       "Format version: 1 or 2",
       attr="format_version", required=True),
    _f("trip", RECORD, "출장 개요", "Trip", "출장", "The trip", attr="info", required=True,
       record=model.TripInfo),
    _f("delegation", RECORDS, "대표단", "Delegation", "출장자", "Who travels", record=model.Person),
    _f("stops", RECORDS, "방문 일정", "Stops", "면담과 방문, 책에 실리는 순서대로",
       "Meetings and visits, in book order", record=model.Stop),
    _f("travel", RECORDS, "교통", "Travel", "항공, 열차, 차량 이동", "Flights, trains and drives",
       record=model.TravelLeg),
    _f("stays", RECORDS, "숙소", "Stays", "숙소", "Hotels", record=model.Stay),
    _f("contacts", RECORDS, "연락처", "Contacts", "대사관, 현지 연락 담당, 비상 연락처",
       "Embassy, coordinators, emergency numbers", record=model.Contact),
)

# The words for the codes a file stores in a field with `choices`; the model keeps the code.
CHOICE_WORDS: dict[str, tuple[str, str]] = {
    "meeting": ("면담", "Meeting"), "visit": ("방문", "Visit"),
    "exhibition": ("전시회", "Exhibition"), "conference": ("회의", "Conference"),
    "reception": ("리셉션", "Reception"), "other": ("기타", "Other"),
    "open": ("공개", "Open"), "closed": ("비공개", "Closed"),
    "flight": ("항공", "Flight"), "train": ("열차", "Train"), "car": ("차량", "Car"),
    "bus": ("버스", "Bus"), "ship": ("선박", "Ship"),
    "ko": ("한국어", "Korean"), "en": ("영어", "English"),
    "ours": ("우리측", "Our side"), "theirs": ("상대측", "Their side"),
}


def choice_label(code: str, lang: str) -> str:
    """A choice code in words; a code Briefing does not know is shown as it is."""
    words = CHOICE_WORDS.get(code)
    return code if words is None else words[0 if lang == "ko" else 1]


# Fields whose value may be None as opposed to empty (see model.Stop.attendees).
NULLABLE_LISTS = {(model.Stop, "attendees")}


def fields_of(record: type) -> tuple[Field, ...]:
    return FIELDS[record]


def person_keys(kind: str = "") -> frozenset[str]:
    """The keys whose values name a person (speaker, lead, owner, attendees), shown by name;
    with `kind`, only those of that kind (TEXT: one person each)."""
    return frozenset(f.key for fields in FIELDS.values() for f in fields
                     if f.person and (not kind or f.kind == kind))


def field(record: type, name: str) -> Field:
    """The declared field of `record` whose model attribute (or key) is `name`."""
    for f in FIELDS[record]:
        if f.name == name or f.key == name:
            return f
    raise KeyError(f"{record.__name__}.{name}")


def top(key: str) -> Field:
    return next(f for f in TOP if f.key == key)


def format_path(path: tuple) -> str:
    """('stops', 2, 'agenda', 1, 'time') -> 'stops[2].agenda[1].time'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
    return out
