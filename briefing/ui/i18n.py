"""The window's own texts in English and Korean: `tr("Save")` looks the English text up.

A plain dict keeps translation free of .qm compilation; a missing entry falls back to English.
"""

from __future__ import annotations

import re

_language = "en"

KO: dict[str, str] = {
    # menus and actions
    "&File": "파일(&F)", "&Edit": "편집(&E)", "&View": "보기(&V)", "&Help": "도움말(&H)",
    "&New Trip": "새 출장(&N)", "&Open…": "열기(&O)…", "&Save": "저장(&S)",
    "Save &As…": "다른 이름으로 저장(&A)…", "&Revert": "되돌리기(&R)",
    "Open &Recent": "최근 파일(&R)", "Clear Recent": "최근 목록 지우기", "&Quit": "끝내기(&Q)",
    "&Export PDF…": "PDF 내보내기(&E)…", "Open the &Example Trip": "예제 출장 열기(&X)",
    "Undo": "실행 취소", "Redo": "다시 실행", "&Undo": "실행 취소(&U)", "&Redo": "다시 실행(&R)",
    "&Problems": "문제(&P)", "&Language": "언어(&L)", "System": "시스템 설정",
    "English": "English", "Korean": "한국어", "&About Briefing": "Briefing 정보(&A)",
    "The language takes effect when Briefing starts again.":
        "언어 설정은 Briefing을 다시 시작하면 적용됩니다.",
    "New Stop": "새 방문지", "Delete Stop": "방문지 삭제", "Duplicate Stop": "방문지 복제",
    "Move Stop Up": "방문지 위로", "Move Stop Down": "방문지 아래로",
    # tooltips
    "Start a new, empty trip": "빈 출장을 새로 시작합니다",
    "Open a trip file": "출장 파일을 엽니다", "Save the trip": "출장을 저장합니다",
    "Save the trip under a new name": "새 이름으로 저장합니다",
    "Throw away unsaved changes and reload the file": "저장하지 않은 변경을 버리고 파일을 다시 읽습니다",
    "Write the briefing book as PDF": "브리핑북을 PDF로 만듭니다",
    "Add a stop after the selected one": "선택한 방문지 뒤에 새 방문지를 추가합니다",
    "Delete the selected stop": "선택한 방문지를 삭제합니다",
    "Copy the selected stop": "선택한 방문지를 복사합니다",
    # start page
    "Briefing": "Briefing", "Delegation trip briefing books": "대표단 출장 브리핑북",
    "New trip": "새 출장", "Open…": "열기…", "Open the example trip": "예제 출장 열기",
    "Recent trips": "최근 출장", "No recent trips yet.": "최근에 연 출장이 없습니다.",
    # outline
    "Trip": "출장 개요", "Delegation": "대표단", "Stops": "방문 일정", "Travel": "교통",
    "Stays": "숙소", "Contacts": "연락처", "(untitled stop)": "(제목 없는 방문지)",
    "Untitled": "제목 없음",
    # tabs
    "&Purpose && outcomes": "목적·기대성과(&P)", "A&genda": "세부 일정(&G)",
    "&Talking points": "말씀자료(&T)", "&Q&&A": "예상 질의응답(&Q)", "&Counterparts": "인물정보(&C)",
    "&Background": "배경(&B)", "P&rotocol": "의전(&R)", "&Logistics": "행정·이동(&L)",
    "Next tab: {next}; previous tab: {previous}": "다음 탭: {next} · 이전 탭: {previous}",
    "&Notes": "메모(&N)", "Background": "배경", "Protocol": "의전", "Logistics": "행정·이동",
    "Notes": "메모", "Agenda": "세부 일정", "Talking points": "말씀자료",
    # table buttons
    "Add": "추가", "Insert": "삽입", "Delete": "삭제", "Move up": "위로", "Move down": "아래로",
    "Add a row at the end": "끝에 행 추가",
    "Insert a row above the selected one": "선택한 행 위에 삽입",
    "Delete the selected rows": "선택한 행 삭제",
    "Move the selected row up": "선택한 행을 위로", "Move the selected row down": "선택한 행을 아래로",
    "Copy": "복사", "Paste": "붙여넣기", "Copy the selected rows": "선택한 행 복사",
    "Paste rows below the selected one": "선택한 행 아래에 붙여넣기",
    "Add row": "행 추가", "Delete rows": "행 삭제", "Move row": "행 이동", "Paste rows": "행 붙여넣기",
    "Move stop": "방문지 이동", "Move": "이동", "Edit {field}": "{field} 편집", "Toolbar": "도구 모음",
    "Ends": "종료", "ends {end} · stop ends {stop}": "일정 종료 {end} · 방문 종료 {stop}",
    "ends {end}": "일정 종료 {end}", "{n} overlapping": "{n}건 겹침",
    "runs past the stop's end": "방문 종료 시각을 넘깁니다",
    "overlaps the item before": "앞 항목과 시간이 겹칩니다",
    "Select a talking point to edit it.": "편집할 말씀자료를 선택하세요.",
    "Sub-points, one a line": "세부 항목, 한 줄에 하나",
    "One a line": "한 줄에 하나", "Everyone ({n})": "대표단 전원 ({n}명)", "Nobody": "참석자 없음",
    "The whole delegation, including people added later": "대표단 전원 (나중에 추가되는 사람 포함)",
    "{id} (not in the delegation)": "{id} (대표단에 없음)",
    # field labels
    "Title": "제목", "Subtitle": "부제", "Organization": "기관", "Purpose": "목적",
    "Objectives": "목표", "Start": "시작", "End": "종료", "Home time zone": "본국 시간대",
    "Language": "언어", "Marking": "보안 표시", "Version": "판", "Updated": "수정일",
    "Prepared by": "작성 부서", "Id": "ID", "Name": "이름", "Role": "역할", "Phone": "전화",
    "Email": "이메일", "Time": "시각", "Minutes": "분", "Item": "내용", "Lead": "주관",
    "Text": "내용", "Speaker": "발언자", "Key": "핵심", "Details": "세부 항목",
    "Internal": "내부용", "Question": "질문", "Answer": "답변", "Address as": "호칭",
    "Bio": "약력", "Kind": "유형", "Host": "주최", "City": "도시", "Country": "국가",
    "Venue": "장소", "Address": "주소", "Time zone": "시간대", "Date": "날짜",
    "Attendees": "참석자", "Press": "언론", "Interpreter": "통역", "Dress code": "복장",
    "Outcomes": "기대성과", "Mode": "수단", "Carrier": "운송사", "Number": "편명",
    "From": "출발지", "To": "도착지", "Depart": "출발", "Depart time zone": "출발 시간대",
    "Arrive": "도착", "Arrive time zone": "도착 시간대", "Reference": "예약번호",
    "Check-in": "체크인", "Check-out": "체크아웃",
    # choices (values.CHOICE_LABELS: the file keeps the code, the window shows the word)
    "Meeting": "면담", "Visit": "방문", "Exhibition": "전시회", "Conference": "컨퍼런스",
    "Reception": "리셉션", "Other": "기타", "Open": "공개", "Closed": "비공개",
    "Flight": "항공", "Train": "철도", "Car": "자동차", "Bus": "버스", "Ship": "선박",
    "Not one of Briefing's choices; kept as written": "Briefing의 선택지가 아닙니다. 적힌 그대로 둡니다",
    # hints
    "HH:MM": "HH:MM", "YYYY-MM-DD": "YYYY-MM-DD", "YYYY-MM-DD HH:MM": "YYYY-MM-DD HH:MM",
    "Write a time as HH:MM, e.g. 09:30": "시각은 HH:MM 형식으로 입력하세요 (예: 09:30)",
    "Write minutes as a whole number, e.g. 30": "분은 정수로 입력하세요 (예: 30)",
    "Write a date as YYYY-MM-DD, e.g. 2023-02-27": "날짜는 YYYY-MM-DD 형식으로 입력하세요 (예: 2023-02-27)",
    "Write a date and time as YYYY-MM-DD HH:MM": "일시는 YYYY-MM-DD HH:MM 형식으로 입력하세요",
    "Search a time zone, e.g. Madrid": "시간대 검색 (예: Madrid)",
    # problems
    "Problems": "문제", "No problems found.": "문제가 없습니다.", "Field": "항목",
    "Message": "내용", "{e} errors, {w} warnings": "오류 {e}건, 경고 {w}건",
    "error": "오류", "warning": "경고",
    # preferences and keyboard
    "&Preferences…": "환경 설정(&P)…", "Preferences": "환경 설정", "Preferences saved": "환경 설정을 저장했습니다",
    "Window language, the book's font, default paper and edition":
        "창 언어, 브리핑북 글꼴, 기본 용지와 판본",
    "Window &language:": "창 언어(&L):", "Book &font:": "브리핑북 글꼴(&F):",
    "Default &paper:": "기본 용지(&P):", "Default &edition:": "기본 판본(&E):",
    "Chosen by Briefing": "Briefing이 선택",
    "Chosen by Briefing (a Korean TrueType font on this computer)":
        "Briefing이 선택 (이 컴퓨터의 한글 TrueType 글꼴)",
    "Choose a font file": "글꼴 파일 선택", "TrueType fonts (*.ttf *.ttc)": "TrueType 글꼴 (*.ttf *.ttc)",
    "Choose a TrueType font file (.ttf or .ttc).": "TrueType 글꼴 파일(.ttf 또는 .ttc)을 고르세요.",
    "There is no such file.": "그런 파일이 없습니다.",
    "The book embeds this font, so the PDF reads the same everywhere. Leave empty to let Briefing choose.":
        "브리핑북에 이 글꼴이 들어가므로 PDF가 어디서나 똑같이 보입니다. 비워 두면 Briefing이 고릅니다.",
    "Set a font file in Edit ▸ Preferences": "편집 ▸ 환경 설정에서 글꼴 파일을 지정하세요",
    "OK": "확인", "US Letter": "US 레터", "&Paper:": "용지(&P):", "E&dition:": "판본(&D):",
    "&File:": "파일(&F):", "Font:": "글꼴:",
    "Go to the &Outline": "개요로 이동(&O)", "Go to the &Editor": "편집기로 이동(&E)",
    "&Next Pane": "다음 창 영역(&N)",
    "Move the keyboard focus to the outline": "키보드 초점을 개요로 옮깁니다",
    "Move the keyboard focus to the editor of what is selected": "키보드 초점을 선택한 항목의 편집기로 옮깁니다",
    "Move the keyboard focus between the outline, the editor and Problems":
        "키보드 초점을 개요, 편집기, 문제 창 사이에서 옮깁니다",
    "Show or hide the list of errors and warnings": "오류와 경고 목록을 보이거나 숨깁니다",
    # files and dialogs
    "Unsaved changes": "저장하지 않은 변경", "Save changes to “{name}”?":
        "“{name}”의 변경 내용을 저장할까요?",
    "Your changes will be lost if you don't save them.": "저장하지 않으면 변경 내용이 사라집니다.",
    "Cannot open the trip": "출장 파일을 열 수 없습니다",
    "{file} could not be read:": "{file} 파일을 읽을 수 없습니다:",
    "Cannot save the trip": "출장을 저장할 수 없습니다",
    "Your edits are still here; save to another folder.":
        "편집 내용은 그대로 남아 있습니다. 다른 폴더에 저장하세요.",
    "Trip files (*.yaml *.yml)": "출장 파일 (*.yaml *.yml)", "All files (*)": "모든 파일 (*)",
    "Open trip": "출장 열기", "Save trip as": "다른 이름으로 저장",
    "Restore unsaved work?": "저장하지 않은 작업을 복구할까요?",
    "Briefing found unsaved work on {name} from {when}. Restore it?":
        "{when}에 저장하지 않은 “{name}” 작업이 남아 있습니다. 복구할까요?",
    "Changed on disk": "파일이 변경됨",
    "{name} was changed by another program. Reload it and lose your changes, or keep yours?":
        "{name} 파일이 다른 프로그램에서 변경되었습니다. 다시 읽어 내 변경을 버릴까요, 내 것을 유지할까요?",
    "{name} was changed by another program. Reload it?":
        "{name} 파일이 다른 프로그램에서 변경되었습니다. 다시 읽을까요?",
    "Reload": "다시 읽기", "Keep mine": "내 것 유지", "Restore": "복구", "Discard": "버리기",
    "Saved {name}": "{name} 저장됨", "Opened {name}": "{name} 열림",
    "Only .yaml trip files can be dropped here.": ".yaml 출장 파일만 끌어다 놓을 수 있습니다.",
    # export
    "Export PDF": "PDF 내보내기", "Paper": "용지", "Edition": "판본",
    "Full (principal's book)": "전체본 (주요 인사용)", "Handout (no internal items)": "배포본 (내부 항목 제외)",
    "Export": "내보내기", "Exporting the briefing book…": "브리핑북을 만드는 중…",
    "Cannot export": "내보낼 수 없습니다",
    "The trip has {n} error(s); fix them first (see Problems).":
        "출장에 오류가 {n}건 있습니다. 먼저 고치세요 (문제 창 참고).",
    "Export failed": "내보내기 실패", "The PDF export is not available yet.":
        "PDF 내보내기를 아직 사용할 수 없습니다.",
    "Wrote {name} ({pages} pages)": "{name} 작성됨 ({pages}쪽)",
    "Open in viewer": "뷰어로 열기", "Close preview": "미리보기 닫기", "Preview": "미리보기",
    "Zoom in": "확대", "Zoom out": "축소", "Fit width": "너비에 맞춤", "Whole page": "전체 쪽 보기",
    "Save PDF as": "PDF 저장", "PDF files (*.pdf)": "PDF 파일 (*.pdf)",
    "Personal &copy for:": "개인용 사본(&C):", "— none —": "— 없음 —",
    "A copy for one member: their name on the cover, their own talking points marked":
        "대표단 한 사람을 위한 사본: 표지에 이름이 들어가고 본인의 말씀자료가 표시됩니다",
    "List changes &since:": "변경 내역 기준 판(&S):",
    "No changes page (optional)": "변경 내역 쪽 없음 (선택)",
    "An earlier version of this trip file: the book lists what changed since":
        "이 출장 파일의 이전 판: 브리핑북에 그 뒤로 바뀐 내용을 싣습니다",
    "Choose an earlier version of the trip": "출장 파일의 이전 판 선택",
    "The earlier version {file} could not be read:": "이전 판 {file} 파일을 읽을 수 없습니다:",
    "… and {n} more": "… 외 {n}건",
    "Choose where to write the PDF.": "PDF를 저장할 위치를 고르세요.",
    "The book is a PDF and is not written over a trip file (.yaml). Choose a file name ending in .pdf.":
        "브리핑북은 PDF이므로 출장 파일(.yaml)에 덮어쓰지 않습니다. .pdf로 끝나는 파일 이름을 고르세요.",
    "That is the trip file itself; exporting there would overwrite it. Choose another file name.":
        "열려 있는 출장 파일 자체입니다. 그곳으로 내보내면 출장 파일을 덮어씁니다. 다른 파일 이름을 고르세요.",
    "That is the earlier version's trip file; exporting there would overwrite it. Choose another file name.":
        "이전 판 출장 파일입니다. 그곳으로 내보내면 그 파일을 덮어씁니다. 다른 파일 이름을 고르세요.",
    "Cancel": "취소", "Save": "저장", "Ready": "준비",
}

TABLES = {"ko": KO}


def set_language(language: str) -> None:
    """Use "ko" or "en" from now on (windows built afterwards pick it up)."""
    global _language
    _language = language if language in TABLES or language == "en" else "en"


def language() -> str:
    return _language


def plain(text: str) -> str:
    """A menu text without its mnemonic, for tool buttons: '저장(&S)' -> '저장', '&Save' -> 'Save'."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "")


def tr(text: str, **values) -> str:
    """`text` in the current language, with `{name}` placeholders filled from `values`."""
    out = TABLES.get(_language, {}).get(text, text)
    return out.format(**values) if values else out


def choose_language(preference: str, system_name: str) -> str:
    """The preference ("ko"/"en") if set, else the system locale's language (e.g. "ko_KR")."""
    if preference in ("ko", "en"):
        return preference
    return "ko" if system_name.lower().startswith("ko") else "en"


# Alt+letter keys the menu bar and the stop tabs use; form labels pick other letters.
MENU_LETTERS = frozenset("FEVH")
STOP_TAB_LETTERS = frozenset("PGTQCBRLN")


def pick_mnemonic(english: str, taken: set[str]) -> str:
    """A letter of `english` not in `taken` (word starts first), or "" when every one is taken."""
    words = re.findall(r"[A-Za-z]+", english)
    candidates = [w[0] for w in words] + [c for w in words for c in w[1:]]
    for c in candidates:
        if c.upper() not in taken:
            return c.upper()
    return ""


def with_mnemonic(english: str, letter: str) -> str:
    """The translated `english` with `letter` as its Alt key: 'T&itle', or '제목(&I)' in Korean."""
    text = tr(english)
    if not letter:
        return text
    if text == english:
        i = next(i for i, c in enumerate(english) if c.upper() == letter)
        return english[:i] + "&" + english[i:]
    return f"{text}(&{letter})"
