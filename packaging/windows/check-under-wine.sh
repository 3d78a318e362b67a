#!/usr/bin/env bash
# Install the Windows installer under Wine and use the installed app:
#     packaging/windows/check-under-wine.sh OUT_DIR/Briefing-VERSION-Setup.exe
#
# In a new Wine prefix (a Windows with no Python): installs silently (/S), checks the per-user
# install (files, Start menu, "Open with" for .yaml, Settings > Apps), runs the INSTALLED
# briefing-cli.exe (--version, example, validate, export: full, handout, a personal copy, locked
# with --password-file; calendar; plan and report as .docx) on paths with backslashes, a drive
# letter and a space, starts the window (BRIEFING_STARTUP_PROBE), reads what it wrote back on
# Linux (the PDF's Korean text and fonts, the password, the calendar's time zones, the .docx), then
# uninstalls silently and checks that only the user's own data is left.
#
# Wine has no Korean font: NanumGothic (fonts-nanum) goes into the prefix's Fonts folder as
# malgun.ttf / malgunbd.ttf, so the book's Windows font lookup is what finds it.
# Work files go to SETUP's folder/check (BRIEFING_WINE_CHECK=DIR elsewhere); PYTHON names a Linux
# Python with pypdf, cryptography, python-docx and PyYAML (default python3; else a venv is made).
set -euo pipefail

if [[ $# -ne 1 || ! -f $1 ]]; then
  echo "usage: $0 Briefing-VERSION-Setup.exe" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
SETUP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
VERSION=$(basename "$SETUP" | sed -n 's/^Briefing-\(.*\)-Setup\.exe$/\1/p')
[[ -n $VERSION ]] || { echo "$SETUP is not named Briefing-VERSION-Setup.exe" >&2; exit 2; }
WORK=${BRIEFING_WINE_CHECK:-$(dirname "$SETUP")/check}
PYTHON=${PYTHON:-python3}

source "$HERE/wine-env.sh"
started=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }
fail() { echo "check-under-wine.sh: FAILED: $*" >&2; exit 1; }

step "system packages"
install_packages wine wine64 gcc-mingw-w64-x86-64-posix fonts-nanum python3-venv

case $WORK in
  / | "$HOME" | "$(dirname "$SETUP")") echo "check-under-wine.sh: will not empty $WORK" >&2; exit 2 ;;
esac
rm -rf "$WORK"
mkdir -p "$WORK"
export WINEPREFIX="$WORK/prefix"
trap 'wineserver -k 2>/dev/null || true' EXIT  # no Wine process outlives the check
if ! "$PYTHON" -c "import pypdf, cryptography, docx, yaml" 2>/dev/null; then
  step "a Linux venv with pypdf and python-docx"
  "$PYTHON" -m venv "$WORK/venv"
  "$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check pypdf cryptography \
    python-docx pyyaml
  PYTHON="$WORK/venv/bin/python"
fi

step "a new Wine prefix: stand-in DLLs, a Korean font as malgun.ttf"
make_prefix
build_standins "$WORK/standins"
cp "$WORK"/standins/*.dll "$WINEPREFIX/drive_c/windows/system32/"
FONTS="$WINEPREFIX/drive_c/windows/Fonts"
cp /usr/share/fonts/truetype/nanum/NanumGothic.ttf "$FONTS/malgun.ttf"
cp /usr/share/fonts/truetype/nanum/NanumGothicBold.ttf "$FONTS/malgunbd.ttf"
wineserver --wait

unix_path() { readlink -f "$(winepath -u "$1" 2>/dev/null | tr -d '\r')"; }
win_var() { wine cmd /c echo "%$1%" </dev/null 2>/dev/null | tr -d '\r' | cat; }
LOCALAPPDATA_U=$(unix_path "$(win_var LOCALAPPDATA)")
APPDATA_U=$(unix_path "$(win_var APPDATA)")
[[ -d $LOCALAPPDATA_U && -d $APPDATA_U ]] || fail "no %LOCALAPPDATA% / %APPDATA% in the prefix"
INSTDIR="$LOCALAPPDATA_U/Programs/Briefing"
SHORTCUT="$APPDATA_U/Microsoft/Windows/Start Menu/Programs/Briefing.lnk"
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Briefing'
snapshot() { (cd "$WINEPREFIX/drive_c" && find . | LC_ALL=C sort); }
snapshot > "$WORK/files-before.txt"

reg_value() {  # KEY [NAME]: the value's data (the default value without NAME), or nothing
  local out
  if [[ $# -eq 2 ]]; then
    out=$(wine reg query "$1" /v "$2" </dev/null 2>/dev/null | cat) || true
  else
    out=$(wine reg query "$1" /ve </dev/null 2>/dev/null | cat) || true
  fi
  printf '%s\n' "$out" | tr -d '\r' | sed -n "s/^ *${2:-(Default)} *REG_[A-Z_]* *//p"
}

step "install silently: $(basename "$SETUP") /S"
winrun "$SETUP" /S || fail "the installer exited $?"
wineserver --wait
for file in Briefing.exe briefing-cli.exe Uninstall.exe _internal/base_library.zip; do
  [[ -f $INSTDIR/$file ]] || fail "not installed: $INSTDIR/$file"
done
if find "$INSTDIR" -type f | grep -iE '/(bcryptprimitives|icuuc|mscms)\.dll$'; then
  fail "a Wine stand-in DLL was installed"
fi
[[ -f $SHORTCUT ]] || fail "no Start-menu entry $SHORTCUT"
[[ $(reg_value "$UNINSTALL_KEY" DisplayName) == Briefing ]] || fail "not in Settings > Apps"
[[ $(reg_value "$UNINSTALL_KEY" DisplayVersion) == "$VERSION" ]] || fail "wrong DisplayVersion"
[[ $(reg_value "$UNINSTALL_KEY" UninstallString) == *'\Programs\Briefing\Uninstall.exe"' ]] ||
  fail "no UninstallString"
[[ -n $(reg_value 'HKCU\Software\Classes\.yaml\OpenWithProgids' Briefing.Trip) ||
   $(wine reg query 'HKCU\Software\Classes\.yaml\OpenWithProgids' </dev/null 2>/dev/null | cat) == \
   *Briefing.Trip* ]] || fail "Briefing is not under 'Open with' for .yaml"
[[ $(reg_value 'HKCU\Software\Classes\Briefing.Trip\shell\open\command') == \
   *'\Programs\Briefing\Briefing.exe" "%1"' ]] || fail "no open command for Briefing.Trip"
echo "installed in $(du -sh "$INSTDIR" | cut -f1) at $INSTDIR"

# The user's folder, with a space in its name; the app is given Windows paths (C:\..., backslashes).
TRIPS_W='C:\Briefing check'
TRIPS="$WINEPREFIX/drive_c/Briefing check"
mkdir -p "$TRIPS"
CLI="$INSTDIR/briefing-cli.exe"
cli() {  # run the installed briefing-cli.exe in TRIPS: stdout -> out.txt, stderr -> err.txt
  local rc=0
  { (cd "$TRIPS" && wine "$CLI" "$@" </dev/null) 2>&1 1>&3 3>&- | cat > "$WORK/err.txt"; } 3>&1 |
    cat > "$WORK/out.txt" || rc=$?
  printf '  briefing-cli %s -> %s\n' "$*" "$(head -c 300 "$WORK/out.txt" | tr '\n' ' ')"
  if [[ $rc -ne 0 ]]; then
    cat "$WORK/err.txt" >&2
    fail "briefing-cli $* exited $rc"
  fi
}

step "the installed briefing-cli.exe"
cli --version
[[ $(tr -d '\r' < "$WORK/out.txt") == "briefing $VERSION" ]] || fail "--version printed the wrong thing"
cli example -o "$TRIPS_W\\trip.yaml"
cli validate trip.yaml
cli export "$TRIPS_W\\trip.yaml" -o "$TRIPS_W\\book.pdf"
if grep -i "korean truetype font" "$WORK/err.txt"; then
  fail "the book did not find malgun.ttf in the Windows Fonts folder"
fi
cli export trip.yaml --edition handout -o "$TRIPS_W\\handout.pdf"
cli export trip.yaml --for mayor -o "$TRIPS_W\\mayor.pdf"
printf 'open sesame 열려라\n' > "$TRIPS/password.txt"
cli export "$TRIPS_W\\trip.yaml" --password-file "$TRIPS_W\\password.txt" -o locked.pdf
cli calendar trip.yaml --for mayor -o "$TRIPS_W\\trip.ics"
cli plan trip.yaml -o "$TRIPS_W\\plan.docx"
cli report trip.yaml -o "$TRIPS_W\\report.docx"

step "the window starts (offscreen)"
export BRIEFING_STARTUP_PROBE=1 WINEQT_QPA_PLATFORM=offscreen
cli "$TRIPS_W\\trip.yaml"
grep -q '^shown' "$WORK/out.txt" || { cat "$WORK/err.txt" >&2; fail "the window did not start"; }
# The windowed Briefing.exe (Start menu, "Open with") has no standard output: its exit status says.
winrun "$INSTDIR/Briefing.exe" "$TRIPS_W\\trip.yaml" >/dev/null ||
  fail "Briefing.exe (windowed) exited $?"
unset BRIEFING_STARTUP_PROBE WINEQT_QPA_PLATFORM
wineserver --wait

step "read back on Linux"
"$PYTHON" - "$TRIPS" <<'EOF'
import re, sys
from pathlib import Path

import docx
import pypdf
import yaml

folder = Path(sys.argv[1])
trip = yaml.safe_load((folder / "trip.yaml").read_text(encoding="utf-8"))
first_stop = re.sub(r"\s+", "", trip["stops"][0]["title"])


def text(reader):
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def fonts(reader):
    names = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            names.add(str(font.get("/BaseFont")))
    return names


for name in ("book.pdf", "handout.pdf", "mayor.pdf"):
    reader = pypdf.PdfReader(folder / name)
    words = text(reader)
    assert len(reader.pages) > 1, name
    assert "고양" in words, f"{name}: no Korean text"
    assert first_stop in words, f"{name}: no first stop"
    used = fonts(reader)
    assert not any("HYGothic" in f for f in used), f"{name}: the CID fallback font {used}"
    assert any("Nanum" in f for f in used), f"{name}: not set in the Windows Fonts' malgun.ttf: {used}"
    print(f"  {name}: {len(reader.pages)} pages, Korean text, fonts {sorted(used)}")

locked = pypdf.PdfReader(folder / "locked.pdf")
assert locked.is_encrypted, "locked.pdf is not encrypted"
assert not locked.decrypt("wrong password"), "locked.pdf opens with a wrong password"
assert locked.decrypt("open sesame 열려라"), "locked.pdf does not open with its password"
assert "고양" in text(locked), "locked.pdf: no Korean text"
print(f"  locked.pdf: encrypted ({locked.trailer['/Encrypt'].get_object()['/V']}), opens with the password")

ics = (folder / "trip.ics").read_bytes().decode("utf-8")
assert "DTSTART;TZID=Europe/Madrid:" in ics and "BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n" in ics
print("  trip.ics: events in Europe/Madrid with its VTIMEZONE")

for name, title in (("plan.docx", "출장계획서"), ("report.docx", "출장 결과보고서")):
    document = docx.Document(str(folder / name))
    assert document.paragraphs[0].text == title, (name, document.paragraphs[0].text)
    assert title in document.sections[0].header.paragraphs[0].text, name
    print(f"  {name}: {title}")
EOF

step "uninstall silently"
# The uninstaller copies itself to %TEMP% and runs from there: wait for every process to end.
winrun "$INSTDIR/Uninstall.exe" /S || fail "the uninstaller exited $?"
wineserver --wait
[[ ! -e $INSTDIR ]] || fail "left after uninstalling: $(find "$INSTDIR" | head)"
[[ ! -e $SHORTCUT ]] || fail "the Start-menu entry is left"
[[ -z $(reg_value "$UNINSTALL_KEY" DisplayName) ]] || fail "still in Settings > Apps"
if grep -n 'Briefing\.Trip\|Programs\\\\Briefing\|Applications\\\\Briefing' \
     "$WINEPREFIX/user.reg" "$WINEPREFIX/system.reg"; then
  fail "the registry still names the app"
fi
# qtawesome's icon fonts, which it copies into the user's font folder and may list in HKCU's Fonts
if grep -inE 'webfont|codicon|phosphor|remixicon' "$WINEPREFIX/user.reg"; then
  fail "the registry still lists qtawesome's icon fonts"
fi
# Every file and folder the installer or the app made is gone, except the user's own data:
# the trips (C:\Briefing check), Briefing's settings, recovery copies and caches, %TEMP%; and
# the (empty) user font folder, a standard Windows folder that qtawesome made.
snapshot > "$WORK/files-after.txt"
left=$(LC_ALL=C comm -13 "$WORK/files-before.txt" "$WORK/files-after.txt" |
  grep -vE '^\./Briefing check(/|$)|^\./users/[^/]+/(AppData/(Local|Roaming)/Briefing|AppData/Local/Temp|Temp)(/|$)' |
  grep -vE '^\./users/[^/]+/AppData/Local/Microsoft(/Windows(/Fonts)?)?$' || true)
[[ -z $left ]] || fail "left after uninstalling: $left"
kept=$(LC_ALL=C comm -13 "$WORK/files-before.txt" "$WORK/files-after.txt" |
  grep -E 'AppData/(Local|Roaming)/Briefing' | tr '\n' ' ' || true)
echo "  nothing left but the user's data: ${kept:-(none)}"
step "all checks passed"
