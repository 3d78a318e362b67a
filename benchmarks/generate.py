"""Generated trips of any size, for benchmarks: `make_trip(n_stops) -> briefing.model.Trip`.

Every stop is fully furnished (agenda, ten talking points, Q&A, counterparts, about a page of
background) in Korean, so that a benchmark measures a realistic book. Deterministic: the same
`n_stops` (and `seed`) always gives the same trip.
"""

from __future__ import annotations

import datetime as dt
import random

from briefing.trip.model import (
    AgendaItem,
    Contact,
    Counterpart,
    Person,
    Question,
    Stay,
    Stop,
    TalkingPoint,
    TravelLeg,
    Trip,
    TripInfo,
)

_WORDS = (
    "경제자유구역 기업 유치 협력 네트워크 첨단산업 바이오 클러스터 도심항공교통 자율주행 통신 "
    "전시장 컨벤션 스타트업 투자 환경 지원 정책 교류 협약 방문 면담 후속 조치 관광 축제 문화유산 "
    "도시재생 창업 인재 양성 연구개발 실증 사업 공동 추진 확대 강화 검토 논의 제안 설명 소개 "
    "지역 산업 생태계 글로벌 선도 기업 혁신 성장 기반 마련 계기 성과 기대"
).split()
_CITIES = (("바르셀로나", "스페인", "Europe/Madrid"), ("프랑크푸르트", "독일", "Europe/Berlin"),
           ("파리", "프랑스", "Europe/Paris"), ("런던", "영국", "Europe/London"),
           ("보스턴", "미국", "America/New_York"))
_KINDS = ("meeting", "visit", "exhibition", "conference", "reception")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def _delegation() -> list[Person]:
    roles = (("mayor", "홍시장", "시장", "단장"), ("head", "김과장", "전략산업과장", "실무 총괄"),
             ("staff", "이주무관", "주무관", "의전·기록"), ("biz", "박과장", "기업지원과장", "투자 상담"))
    return [Person(id=i, name=n, title=t, organization="예시특례시", role=r,
                   phone=f"+82 10-0000-000{k}", email=f"{i}@example.org")
            for k, (i, n, t, r) in enumerate(roles, 1)]


def _stop(rng: random.Random, index: int, day: dt.date) -> Stop:
    city, country, tz = _CITIES[index % len(_CITIES)]
    start = dt.time(9 + index % 3, 0)
    agenda, minute = [], start.hour * 60
    for k in range(6):
        length = rng.choice((15, 30, 45, 60))
        agenda.append(AgendaItem(time=dt.time(minute // 60 % 24, minute % 60), minutes=length,
                                 item=_sentence(rng, 6), lead=rng.choice(("mayor", "head", "biz")),
                                 notes=_sentence(rng, 8) if k % 2 else ""))
        minute += length
    points = [TalkingPoint(text=_paragraph(rng, 2), speaker=rng.choice(("mayor", "head")),
                           key=k < 3, details=[_sentence(rng, 7) for _ in range(k % 3)],
                           internal=k == 9)
              for k in range(10)]
    questions = [Question(question=_sentence(rng, 8), answer=_paragraph(rng, 2), internal=k == 3)
                 for k in range(4)]
    counterparts = [Counterpart(name=f"예시 인물 {index + 1}-{k + 1}", title="국장",
                                organization=f"{city} 경제개발청", address_as="국장님",
                                bio=_paragraph(rng, 2))
                    for k in range(2)]
    background = "\n\n".join(_paragraph(rng, 5) for _ in range(4)) + "\n" + "\n".join(
        f"- {_sentence(rng, 10)}" for _ in range(5))
    return Stop(
        title=f"{city} {_sentence(rng, 2)[:-1]} 방문 {index + 1}", kind=_KINDS[index % 5],
        host=f"{city} 경제개발청", city=city, country=country, venue=f"{city} 컨벤션센터",
        address=f"예시로 {index + 1}, {city}", timezone=tz, date=day, start=start,
        end=dt.time(min(start.hour + 5, 23), 0), press=("open", "closed")[index % 2],
        interpreter="한-영 통역 1명", dress_code="비즈니스 정장",
        purpose=_paragraph(rng, 3) + "\n" + "\n".join(f"- {_sentence(rng, 8)}" for _ in range(3)),
        outcomes=[_sentence(rng, 7) for _ in range(3)], agenda=agenda, talking_points=points,
        questions=questions, counterparts=counterparts, background=background,
        protocol="- " + _sentence(rng, 9) + "\n- " + _sentence(rng, 9),
        logistics="- " + _sentence(rng, 9) + "\n- " + _sentence(rng, 9),
        notes=_paragraph(rng, 2),
    )


def make_trip(n_stops: int, seed: int = 2026) -> Trip:
    """A trip of `n_stops` stops, two a day, with flights out and back, stays and contacts."""
    rng = random.Random(seed * 1000 + n_stops)
    start = dt.date(2026, 3, 2)
    days = max(1, (n_stops + 1) // 2)
    end = start + dt.timedelta(days=days + 1)
    stops = [_stop(rng, i, start + dt.timedelta(days=1 + i // 2)) for i in range(n_stops)]
    travel = [
        TravelLeg(mode="flight", carrier="대한항공", number="KE0901", origin="인천 (ICN)",
                  destination="바르셀로나 (BCN)", depart=dt.datetime.combine(start, dt.time(13)),
                  depart_timezone="Asia/Seoul", arrive=dt.datetime.combine(start, dt.time(19)),
                  arrive_timezone="Europe/Madrid", reference="GEN001"),
        TravelLeg(mode="flight", carrier="대한항공", number="KE0902", origin="바르셀로나 (BCN)",
                  destination="인천 (ICN)", depart=dt.datetime.combine(end, dt.time(21)),
                  depart_timezone="Europe/Madrid",
                  arrive=dt.datetime.combine(end + dt.timedelta(days=1), dt.time(17)),
                  arrive_timezone="Asia/Seoul", reference="GEN002"),
    ]
    stays = [Stay(name=f"예시 호텔 {k + 1}", city=_CITIES[k % 5][0], address="예시로 1",
                  phone="+34 000 000 000", check_in=start + dt.timedelta(days=k * 5),
                  check_out=min(end, start + dt.timedelta(days=k * 5 + 5)))
             for k in range(max(1, days // 5))]
    return Trip(
        info=TripInfo(title=f"예시특례시 해외 출장 ({n_stops}곳)", subtitle="벤치마크용 생성 일정",
                      organization="예시특례시", purpose=_paragraph(rng, 4),
                      objectives=[_sentence(rng, 8) for _ in range(4)], start=start, end=end,
                      home_timezone="Asia/Seoul", language="ko", marking="대외비", version="1",
                      updated=start - dt.timedelta(days=3), prepared_by="전략산업과"),
        delegation=_delegation(), stops=stops, travel=travel, stays=stays,
        contacts=[Contact(name="주스페인 대한민국 대사관", role="영사 협력", phone="+34 000 000 001",
                          email="embassy@example.org", notes="긴급 시 24시간 연락 가능")],
    )
