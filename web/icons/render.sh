#!/usr/bin/env bash
# Regenerate the app icon PNGs from the SVG sources in this folder.
# Usage: bash web/icons/render.sh   (works from any directory)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

if ! command -v rsvg-convert >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "rsvg-convert not found; installing librsvg2-bin..." >&2
    apt-get install -y librsvg2-bin >/dev/null 2>&1 || {
      apt-get update >/dev/null
      apt-get install -y librsvg2-bin >/dev/null
    }
  else
    echo "rsvg-convert is required. Install it with:" >&2
    echo "  sudo apt-get install librsvg2-bin   (Debian/Ubuntu)" >&2
    echo "  brew install librsvg                (macOS)" >&2
    exit 1
  fi
fi

render() { # <source.svg> <size> <output.png>
  rsvg-convert --width "$2" --height "$2" --format png --output "$3" "$1"
  if command -v optipng >/dev/null 2>&1; then
    optipng -quiet -o5 -strip all "$3"
  fi
  echo "$3: ${2}x${2}, $(wc -c <"$3") bytes"
}

render icon.svg          192 icon-192.png
render icon.svg          512 icon-512.png
render icon-maskable.svg 512 icon-maskable-512.png
render icon-maskable.svg 180 apple-touch-icon.png
