#!/usr/bin/env bash
# Regenerates points-hanzi.woff2 (and OFL.txt): Noto Sans CJK SC Regular, cut
# down to exactly the CJK characters in ../../content/points.json.
# Needs Debian's fonts-noto-cjk, fonttools (pyftsubset), python3-fonttools and
# python3-brotli; installs them when missing and run as root.
# Prints the unicode-range for the @font-face in ../styles.css: keep it in step.
set -euo pipefail
cd "$(dirname "$0")"

TTC=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
FACE=2 # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK: SC, which also maps the traditional forms
COPYRIGHT=/usr/share/doc/fonts-noto-cjk/copyright
PY=/usr/bin/python3 # Debian's python, the one python3-fonttools is installed for

need=()
[ -f "$TTC" ] || need+=(fonts-noto-cjk)
command -v pyftsubset >/dev/null || need+=(fonttools python3-fonttools)
"$PY" -c 'import brotli' 2>/dev/null || need+=(python3-brotli)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]} (run as root to install them)" >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# Every CJK character (ideographs, CJK punctuation, full-width forms: U+2E80 and
# up, outside the private-use and specials blocks) in any string of points.json.
chars=$("$PY" - ../../content/points.json <<'PYEOF'
import json, sys

def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)

def cjk(c):
    o = ord(c)
    return o >= 0x2E80 and not (0xE000 <= o <= 0xF8FF) and not (0xFFF0 <= o <= 0xFFFF)

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
cs = sorted({c for s in strings(data) for c in s if cjk(c)})
if not cs:
    sys.exit("no CJK characters found in points.json")
print(",".join("U+%04X" % ord(c) for c in cs))
PYEOF
)

pyftsubset "$TTC" --font-number="$FACE" \
  --unicodes="$chars" \
  --layout-features='' --no-layout-closure \
  --no-hinting --desubroutinize \
  --drop-tables+=GSUB,GPOS,vhea,vmtx,VORG \
  --name-IDs=0,1,2,3,4,5,6,13,14 --name-languages=0x409 \
  --flavor=woff2 --output-file=points-hanzi.woff2

# The licence: a note, the font's own copyright line, and the SIL OFL 1.1 text
# exactly as Debian's fonts-noto-cjk package carries it.
"$PY" - "$TTC" "$FACE" "$COPYRIGHT" > OFL.txt <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
ttc, face, copyright_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
font = TTFont(ttc, fontNumber=face, lazy=True)
notice = font["name"].getDebugName(0)
print("points-hanzi.woff2 is a subset of Noto Sans CJK SC Regular with only the Chinese characters this app shows (web/fonts/subset.sh); it is under the licence below.")
print()
print("Font copyright (from the font):", notice)
print("Copyright (from Debian's fonts-noto-cjk copyright file): 2010-2012, Google Corporation")
print()
# The licence is the stand-alone paragraph that starts "License: SIL-1.1".
lines = []
for para in open(copyright_file, encoding="utf-8").read().split("\n\n"):
    head, _, rest = para.strip("\n").partition("\n")
    if head.strip() == "License: SIL-1.1" and rest:
        lines = ["" if l.strip() == "." else l[1:] for l in rest.split("\n")]
        break
if not lines:
    sys.exit("SIL-1.1 licence text not found in " + copyright_file)
while lines and not lines[-1]:
    lines.pop()
print("\n".join(lines))
PYEOF

echo "wrote points-hanzi.woff2 ($(stat -c %s points-hanzi.woff2) bytes) and OFL.txt"
echo "unicode-range: ${chars//,/, };"
