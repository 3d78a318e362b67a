# Shared by build-on-linux.sh and check-under-wine.sh (sourced, not run): system packages, a
# 64-bit Wine prefix and the stand-in DLLs for it, and running Windows programs.

export WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
# mscoree/mshtml: no prompt to download Mono or Gecko. winemenubuilder: the Start-menu entry
# and file types the installer registers stay in the prefix (Wine would otherwise copy them into
# the Linux desktop's menus, ~/.local/share/applications/wine). The stand-ins (wine-standins/) are
# native DLLs in the prefix's system32; mscms replaces Wine's own, the other two Wine lacks.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;mscms,bcryptprimitives,icuuc=n,b"

# Wine writes menu folders and file types for the Linux desktop (~/.config/menus,
# ~/.local/share/applications, mime, desktop-directories) even with its menu builder off: keep them
# beside the prefix, out of the user's home.
wine() { XDG_DATA_HOME="$WINEPREFIX.xdg/data" XDG_CONFIG_HOME="$WINEPREFIX.xdg/config" command wine "$@"; }
wineboot() {
  XDG_DATA_HOME="$WINEPREFIX.xdg/data" XDG_CONFIG_HOME="$WINEPREFIX.xdg/config" command wineboot "$@"
}

# apt-get install what is missing; waits for another apt or dpkg to finish (CI runners, cron).
install_packages() {
  local missing=() pkg sudo=()
  for pkg in "$@"; do
    [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) == *" ok installed" ]] || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "needs root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y
             -o DPkg::Lock::Timeout=900 -o Acquire::Retries=3)
  echo "apt-get install ${missing[*]}"
  if ! "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null; then
    # Package lists missing or stale; `update` takes the lists lock, which it does not wait for.
    local tries=0
    until "${apt[@]}" update >/dev/null; do
      (( ++tries < 30 )) || return 1
      sleep 10
    done
    "${apt[@]}" install --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# A new 64-bit prefix at $WINEPREFIX that says it is Windows 10.
make_prefix() {
  rm -rf "$WINEPREFIX" "$WINEPREFIX.xdg"
  wineboot --init >/dev/null 2>&1
  wineserver --wait
  winrun reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
  # A crashing program exits instead of waiting for someone to close Wine's crash dialog.
  winrun reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null
  wineserver --wait
}

# The stand-in DLLs, compiled from wine-standins/*.c into $1.
build_standins() {
  local out=$1 name libs
  mkdir -p "$out"
  for name in bcryptprimitives icuuc mscms; do
    libs=()
    [[ $name == bcryptprimitives ]] && libs=(-lbcrypt)
    x86_64-w64-mingw32-gcc-posix -O2 -Wall -shared -s -static-libgcc \
      -o "$out/$name.dll" "$(dirname "${BASH_SOURCE[0]}")/wine-standins/$name.c" "${libs[@]}"
  done
}

# Run a Windows program. Under Wine a program's standard output must be a pipe or /dev/null,
# never a regular file (Python stops with "init_sys_streams: Invalid handle"), so both go
# through `cat`; the exit status is the program's (pipefail).
winrun() {
  wine "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}
