#!/usr/bin/env bash
# Builds the bundled CJK font: Noto Sans CJK SC (SIL OFL 1.1) from Debian's fonts-noto-cjk,
# subset with pyftsubset to the 通用规范汉字表 (Unihan kTGH, 8105 characters), GB2312,
# Latin, punctuation, and every character used by the bundled strings and content.
# Needs: fonts-noto-cjk python3-fonttools unicode-data (the Makefile's `font` target installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto
out=assets/fonts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

PY=/usr/bin/python3   # Debian's python, which has fontTools
$PY - "$tmp/chars.txt" <<'PY'
import bz2, glob, sys
chars = set()
for line in bz2.open('/usr/share/unicode/Unihan_OtherMappings.txt.bz2', 'rt', encoding='utf-8'):
    if '\tkTGH\t' in line:
        chars.add(chr(int(line.split('\t')[0][2:], 16)))
for hi in range(0xA1, 0xF8):           # GB2312, all rows
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
for lo, hi in [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2460, 0x24FF),
               (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(lo, hi + 1))
for pattern in ['assets/strings/*.json', 'assets/content/content/*.yaml', 'quizbank/*.yaml']:
    for f in glob.glob(pattern):
        chars.update(open(f, encoding='utf-8').read())
chars = {c for c in chars if c.isprintable() or c == ' '}
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
print(len(chars), 'characters')
PY

for weight in Regular Bold; do
  $PY -m fontTools.subset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text-file="$tmp/chars.txt" --layout-features='kern,liga,locl,vert,palt' \
    --no-hinting --name-IDs='*' --name-languages='*' \
    --output-file="$out/NotoSansSC-$weight.otf"
  ls -l "$out/NotoSansSC-$weight.otf"
done
