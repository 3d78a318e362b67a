#!/bin/sh
# Install Briefing's desktop integration (menu entry, icons, trip file type, AppStream metadata) and,
# when given a built app folder, the app itself.
#
#   install-linux.sh [--prefix PREFIX] [--bundle DIR] [--uninstall]
#
#   --prefix PREFIX  where to install; default ~/.local (data in PREFIX/share, the command in
#                  PREFIX/bin). Use /usr/local for every user of the machine (as root).
#   --bundle DIR   a PyInstaller folder (the one holding the `Briefing` executable and _internal/):
#                  copied to PREFIX/lib/briefing, PREFIX/bin/briefing linking to it. Default: the
#                  folder this script sits in, when it is inside one (Briefing/linux/install-linux.sh).
#                  Without a bundle, the menu entry runs the `briefing` command already on PATH
#                  (e.g. from `pip install`).
#   --uninstall    remove what an install with the same --prefix put there.
set -eu

APP_ID=io.github.briefing.Briefing
here=$(cd "$(dirname "$0")" && pwd)
prefix="$HOME/.local"
bundle=""
uninstall=false

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --bundle) bundle=$2; shift 2 ;;
        --bundle=*) bundle=${1#*=}; shift ;;
        --uninstall) uninstall=true; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install-linux.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

if [ -z "$bundle" ] && [ -x "$here/../Briefing" ] && [ -d "$here/../_internal" ]; then
    bundle=$(cd "$here/.." && pwd)
fi

share="$prefix/share"
bin="$prefix/bin"
libdir="$prefix/lib/briefing"
sizes="16 24 32 48 64 128 256"

refresh_caches() {
    # Each tool is optional: desktops pick the files up on the next login without them.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$share/mime" || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
    fi
}

if $uninstall; then
    rm -f "$share/applications/$APP_ID.desktop" \
          "$share/metainfo/$APP_ID.metainfo.xml" \
          "$share/mime/packages/$APP_ID.xml" \
          "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $sizes; do
        rm -f "$share/icons/hicolor/${size}x$size/apps/$APP_ID.png"
    done
    # Only remove the command if it is ours (a link into our copy of the bundle).
    if [ -L "$bin/briefing" ] && [ "$(readlink "$bin/briefing")" = "$libdir/Briefing" ]; then
        rm -f "$bin/briefing"
    fi
    rm -rf "$libdir"
    refresh_caches
    echo "Briefing removed from $prefix"
    exit 0
fi

if [ -n "$bundle" ]; then
    bundle=$(cd "$bundle" && pwd)
    if [ ! -x "$bundle/Briefing" ]; then
        echo "install-linux.sh: $bundle/Briefing is not an executable; build it with" \
             "python packaging/build.py" >&2
        exit 1
    fi
    if [ "$bundle" != "$libdir" ]; then
        rm -rf "$libdir"
        mkdir -p "$libdir"
        # The integration files inside the bundle are installed below, not run from there.
        (cd "$bundle" && tar -cf - --exclude=./linux .) | (cd "$libdir" && tar -xf -)
    fi
    mkdir -p "$bin"
    ln -sfn "$libdir/Briefing" "$bin/briefing"
    command="$libdir/Briefing"
elif command -v briefing >/dev/null 2>&1; then
    command=$(command -v briefing)
else
    command=briefing
    echo "install-linux.sh: warning: no \`briefing\` command on PATH and no --bundle;" \
         "the menu entry will work once \`briefing\` is installed (pip install briefing)" >&2
fi

install -d "$share/applications" "$share/metainfo" "$share/mime/packages" \
           "$share/icons/hicolor/scalable/apps"
# A desktop session's PATH often lacks ~/.local/bin, so the menu entry names the command in full.
# Quoted per the Desktop Entry spec in case the path has spaces.
sed "s|^Exec=briefing |Exec=\"$command\" |" "$here/$APP_ID.desktop" \
    > "$share/applications/$APP_ID.desktop"
chmod 644 "$share/applications/$APP_ID.desktop"
install -m 644 "$here/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
install -m 644 "$here/$APP_ID.mime.xml" "$share/mime/packages/$APP_ID.xml"
install -m 644 "$here/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $sizes; do
    install -d "$share/icons/hicolor/${size}x$size/apps"
    install -m 644 "$here/icons/hicolor/${size}x$size/apps/$APP_ID.png" \
        "$share/icons/hicolor/${size}x$size/apps/$APP_ID.png"
done
refresh_caches

echo "Briefing installed in $prefix (menu entry runs $command)"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) if [ -n "$bundle" ]; then echo "note: add $bin to PATH to run \`briefing\` in a terminal"; fi ;;
esac
