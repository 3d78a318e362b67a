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
    "reference": "예약번호",
    "stay": "숙소",
    "period": "기간",
    "nights": "{n}박",
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
    "reference": "Booking",
    "stay": "Hotel",
    "period": "Dates",
    "nights": "{n} night(s)",
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

    def choice(self, field: str, value: str) -> str:
        """A kind, press or mode value in words; an unknown value prints as written."""
        return self._choices[field].get(value, value)

    def city(self, tz_name: str) -> str:
        names = _CITIES.get(tz_name)
        if names:
            return names[1 if self.lang == "en" else 0]
        return tz_name.rsplit("/", 1)[-1].replace("_", " ")

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
