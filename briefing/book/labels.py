"""Every fixed word the book prints, in Korean and English, and the date formats that go with them.

The book's labels follow the trip's `language`, not the language the staff wrote the content in.
"""

from __future__ import annotations

import datetime as dt

_KO = {
    "contents": "목차",
    "overview": "출장 개요",
    "purpose": "출장 목적",
    "objectives": "주요 목표",
    "visits": "방문 일정 요약",
    "date": "일자",
    "stop": "방문처",
    "itinerary": "일정표",
    "delegation": "대표단",
    "stops": "방문별 자료",
    "travel": "이동 및 숙박",
    "flights": "교통편",
    "stays": "숙소",
    "contacts": "연락처",
    "day": "{n}일차",
    "local_time": "현지 시각",
    "local_zone": "현지: {zones}",
    "home_time": "{city} 시각",
    "event": "일정",
    "place": "장소",
    "name": "성명",
    "position": "직위·소속",
    "role": "역할",
    "contact": "연락처",
    "phone": "전화",
    "email": "이메일",
    "notes_col": "비고",
    "when": "일시",
    "venue": "장소",
    "host": "주관",
    "kind": "유형",
    "press": "언론",
    "interpreter": "통역",
    "dress_code": "복장",
    "attendees": "참석",
    "stop_purpose": "목적 및 기대 성과",
    "outcomes": "기대 성과",
    "agenda": "진행 순서",
    "time": "시각",
    "minutes": "소요",
    "minutes_value": "{n}분",
    "item": "내용",
    "lead": "담당",
    "talking_points": "말씀자료",
    "key": "핵심",
    "internal": "내부용",
    "questions": "예상 질의응답",
    "q": "문",
    "a": "답",
    "counterparts": "인물 정보",
    "address_as": "호칭",
    "background": "배경",
    "protocol": "의전",
    "logistics": "현장 안내",
    "notes": "내부 메모",
    "notes_page": "메모",
    "mode": "구분",
    "depart": "출발",
    "arrive": "도착",
    "arrival_at": "{place} 도착",
    "departed": "{date} {time} {place} 출발",
    "reference": "예약번호",
    "stay": "숙소",
    "period": "기간",
    "nights": "{n}박",
    "nights_one": "{n}박",
    "check_in": "체크인",
    "check_out": "체크아웃",
    "prepared_by": "작성",
    "version": "제{v}판",
    "as_of": "{date} 기준",
    "edition_full": "전체본",
    "edition_handout": "배포본 (내부 자료 제외)",
    "edition_full_short": "전체본",
    "edition_handout_short": "배포본",
    "page": "{n} / ",
    "placeholder": "□",
    # A personal copy
    "personal_copy": "개인용 자료",
    "reader_titled": "{name} {title}님",
    "reader": "{name} 님",
    "copy_for": "{name} 개인용",
    "mine": "내 발언",
    "my_turn": "내 순서",
    "not_attending": "불참",
    "not_attending_note": "{name} 님은 이 일정의 참석 대상이 아닙니다.",
    # What changed since an earlier version
    "changes": "변경 사항",
    "changes_since": "{version}({date}) 이후 바뀐 내용입니다.",
    "changes_since_nodate": "{version} 이후 바뀐 내용입니다.",
    "previous_version": "이전 판",
    "no_changes": "바뀐 내용이 없습니다.",
    "added": "추가",
    "removed": "삭제",
    "changed": "변경",
    "change_what": "항목",
    "before": "이전",
    "after": "현재",
    "yes": "예",
    "no": "아니오",
    "trip_wide": "출장 전반",
    "everyone": "대표단 전원",
}

_EN = {
    "contents": "Contents",
    "overview": "Trip overview",
    "purpose": "Purpose",
    "objectives": "Objectives",
    "visits": "Visits at a glance",
    "date": "Date",
    "stop": "Visit",
    "itinerary": "Itinerary",
    "delegation": "Delegation",
    "stops": "Visits and meetings",
    "travel": "Travel and accommodation",
    "flights": "Travel",
    "stays": "Accommodation",
    "contacts": "Contacts",
    "day": "Day {n}",
    "local_time": "Local time",
    "local_zone": "Local: {zones}",
    "home_time": "{city} time",
    "event": "Event",
    "place": "Place",
    "name": "Name",
    "position": "Title and organization",
    "role": "Role",
    "contact": "Contact",
    "phone": "Phone",
    "email": "Email",
    "notes_col": "Notes",
    "when": "When",
    "venue": "Venue",
    "host": "Host",
    "kind": "Kind",
    "press": "Press",
    "interpreter": "Interpreter",
    "dress_code": "Dress code",
    "attendees": "Attending",
    "stop_purpose": "Purpose and desired outcomes",
    "outcomes": "Desired outcomes",
    "agenda": "Agenda",
    "time": "Time",
    "minutes": "Min.",
    "minutes_value": "{n} min",
    "item": "Item",
    "lead": "Lead",
    "talking_points": "Talking points",
    "key": "Key",
    "internal": "Internal",
    "questions": "Anticipated questions",
    "q": "Q",
    "a": "A",
    "counterparts": "Counterparts",
    "address_as": "Address as",
    "background": "Background",
    "protocol": "Protocol",
    "logistics": "Logistics",
    "notes": "Internal notes",
    "notes_page": "Notes",
    "mode": "Mode",
    "depart": "Departs",
    "arrive": "Arrives",
    "arrival_at": "Arrival in {place}",
    "departed": "left {place} {date} {time}",
    "reference": "Booking",
    "stay": "Hotel",
    "period": "Dates",
    "nights": "{n} nights",
    "nights_one": "{n} night",
    "check_in": "Check-in",
    "check_out": "Check-out",
    "prepared_by": "Prepared by",
    "version": "Version {v}",
    "as_of": "as of {date}",
    "edition_full": "Full edition",
    "edition_handout": "Handout edition (internal items left out)",
    "edition_full_short": "Full edition",
    "edition_handout_short": "Handout",
    "page": "{n} / ",
    "placeholder": "□",
    # A personal copy
    "personal_copy": "Personal copy",
    "reader_titled": "{name} ({title})",
    "reader": "{name}",
    "copy_for": "Copy for {name}",
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
}

_CHOICES = {
    "ko": {
        "kind": {"meeting": "면담", "visit": "방문", "exhibition": "전시 참관",
                 "conference": "회의", "reception": "리셉션", "other": "기타"},
        "press": {"open": "공개", "closed": "비공개"},
        "mode": {"flight": "항공", "train": "열차", "car": "차량", "bus": "버스",
                 "ship": "선박", "other": "기타"},
    },
    "en": {
        "kind": {"meeting": "Meeting", "visit": "Visit", "exhibition": "Exhibition",
                 "conference": "Conference", "reception": "Reception", "other": "Other"},
        "press": {"open": "Open", "closed": "Closed"},
        "mode": {"flight": "Flight", "train": "Train", "car": "Car", "bus": "Bus",
                 "ship": "Ship", "other": "Other"},
    },
}

# The names of the fields a change can be about (see briefing.changes).
_FIELDS = {
    "ko": {
        "title": "명칭", "subtitle": "부제", "start": "시작 시각", "end": "종료 시각",
        "date": "일자", "timezone": "시간대", "venue": "장소", "address": "주소", "city": "도시",
        "country": "국가", "host": "주관", "kind": "유형", "press": "언론", "interpreter": "통역",
        "dress_code": "복장", "attendees": "참석자", "purpose": "목적", "outcomes": "기대 성과",
        "objectives": "주요 목표", "background": "배경", "protocol": "의전",
        "logistics": "현장 안내", "notes": "내부 메모", "item": "내용", "time": "시각",
        "minutes": "소요 시간", "lead": "담당", "text": "문구", "speaker": "발언자",
        "key": "핵심 메시지", "details": "세부 내용", "internal": "내부용",
        "question": "질문", "answer": "답변", "organization": "소속", "address_as": "호칭",
        "bio": "약력", "name": "성명", "role": "역할", "phone": "전화", "email": "이메일",
        "origin": "출발지", "destination": "도착지", "depart": "출발", "arrive": "도착",
        "depart_timezone": "출발지 시간대", "arrive_timezone": "도착지 시간대", "mode": "구분",
        "carrier": "운송사", "number": "편명", "reference": "예약번호", "check_in": "체크인",
        "check_out": "체크아웃",
    },
    "en": {
        "title": "Title", "subtitle": "Subtitle", "start": "Start time", "end": "End time",
        "date": "Date", "timezone": "Time zone", "venue": "Venue", "address": "Address",
        "city": "City", "country": "Country", "host": "Host", "kind": "Kind", "press": "Press",
        "interpreter": "Interpreter", "dress_code": "Dress code", "attendees": "Attending",
        "purpose": "Purpose", "outcomes": "Desired outcomes", "objectives": "Objectives",
        "background": "Background", "protocol": "Protocol", "logistics": "Logistics",
        "notes": "Internal notes", "item": "Item", "time": "Time", "minutes": "Duration",
        "lead": "Lead", "text": "Wording", "speaker": "Speaker", "key": "Key message",
        "details": "Details", "internal": "Internal", "question": "Question",
        "answer": "Answer", "organization": "Organization", "address_as": "Address as",
        "bio": "Biography", "name": "Name", "role": "Role", "phone": "Phone", "email": "Email",
        "origin": "From", "destination": "To", "depart": "Departs", "arrive": "Arrives",
        "depart_timezone": "Departure time zone", "arrive_timezone": "Arrival time zone",
        "mode": "Mode", "carrier": "Carrier", "number": "Number", "reference": "Booking",
        "check_in": "Check-in", "check_out": "Check-out",
    },
}

_WEEKDAYS = {"ko": "월화수목금토일", "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

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
        self._words = _EN if self.lang == "en" else _KO
        self._choices = _CHOICES[self.lang]

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def __call__(self, key: str, **values) -> str:
        return self._words[key].format(**values)

    def count(self, key: str, n: int) -> str:
        """A label with a number, singular or plural ('1 night', '3 nights')."""
        return self(f"{key}_one" if n == 1 and f"{key}_one" in self._words else key, n=n)

    def choice(self, field: str, value: str) -> str:
        """A kind, press or mode value in words; an unknown value prints as written."""
        return self._choices[field].get(value, value)

    def field(self, name: str) -> str:
        """A trip field's name in words; an unknown one as written."""
        return _FIELDS[self.lang].get(name, name)

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
        return _WEEKDAYS[self.lang][day.weekday()]

    def date(self, day: dt.date | None) -> str:
        """A date with its weekday, the way each language writes it in official papers."""
        if day is None:
            return ""
        if self.lang == "en":
            return f"{self.weekday(day)} {day.day} {_MONTHS[day.month - 1]} {day.year}"
        return f"{day.year}. {day.month}. {day.day}.({self.weekday(day)})"

    def short_date(self, day: dt.date | None) -> str:
        if day is None:
            return ""
        if self.lang == "en":
            return f"{self.weekday(day)} {day.day} {_MONTHS[day.month - 1]}"
        return f"{day.month}. {day.day}.({self.weekday(day)})"

    def date_range(self, start: dt.date | None, end: dt.date | None) -> str:
        if start is None or end is None or start == end:
            return self.date(start or end)
        if self.lang == "en":
            if start.year == end.year:
                return f"{self.short_date(start)} – {self.date(end)}"
            return f"{self.date(start)} – {self.date(end)}"
        if start.year == end.year:
            return f"{self.date(start)} – {end.month}. {end.day}.({self.weekday(end)})"
        return f"{self.date(start)} – {self.date(end)}"

    @staticmethod
    def time(moment: dt.time | dt.datetime | None) -> str:
        return "" if moment is None else f"{moment.hour:02d}:{moment.minute:02d}"
