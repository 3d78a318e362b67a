#!/bin/sh
# Regenerate every raster icon from the one drawn SVG. The outputs are committed, so this only needs
# running after the SVG changes. Needs rsvg-convert (apt-get install librsvg2-bin), ImageMagick's
# convert (for the Windows .ico) and Python with Pillow (for the macOS .icns).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=io.github.briefing.Briefing
hicolor="$here/linux/icons/hicolor"
svg="$hicolor/scalable/apps/$id.svg"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for size in 16 24 32 48 64 128 256; do
    mkdir -p "$hicolor/${size}x$size/apps"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$hicolor/${size}x$size/apps/$id.png"
done

# Windows: one .ico holding the sizes Explorer asks for.
convert $(for s in 16 24 32 48 64 128 256; do echo "$hicolor/${s}x$s/apps/$id.png"; done) \
    "$here/windows/briefing.ico"

# macOS: Pillow writes every .icns size from one 1024 px image.
rsvg-convert -w 1024 -h 1024 "$svg" -o "$tmp/icon1024.png"
python3 -c 'import sys; from PIL import Image; Image.open(sys.argv[1]).save(sys.argv[2])' \
    "$tmp/icon1024.png" "$here/macos/Briefing.icns"
