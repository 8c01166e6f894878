#!/usr/bin/env bash
# Generates the demo narration from the content text: every clip that the content root
# names (kioskctl content narration) is spoken by espeak-ng (Mandarin: -v cmn, English:
# -v en-gb) and compressed to Ogg Vorbis by oggenc. Needs espeak-ng and vorbis-tools
# (the Makefile's `narration` target installs them). Usage: scripts/gen-narration.sh [ROOT]
# With MISSING_ONLY=1 only clips that do not exist yet are made (new texts, untouched old
# clips). The primary questions' read-aloud clips (kioskctl quizbank narration) are made too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-assets/content}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/kioskctl content narration "$root" > "$tmp/list.tsv"
# Primary questions are read aloud: the bundled bank for the demo root, else ROOT/quizbank.
bankroot=$root; [ "$root" = assets/content ] && bankroot=
go run ./cmd/kioskctl quizbank narration $bankroot >> "$tmp/list.tsv"
n=0
while IFS=$'\t' read -r path lang text; do
  if [ "${MISSING_ONLY:-}" = 1 ] && [ -f "$root/$path" ]; then continue; fi
  voice=cmn; speed=150
  [ "$lang" = en ] && { voice=en-gb; speed=155; }
  mkdir -p "$root/$(dirname "$path")"
  espeak-ng -v "$voice" -s "$speed" -w "$tmp/clip.wav" -- "$text"
  oggenc -Q -q -1 --resample 16000 --serial 1 -o "$root/$path" "$tmp/clip.wav"
  n=$((n + 1))
done < "$tmp/list.tsv"
echo "generated $n narration clips under $root/media/audio"
du -sh "$root/media/audio"
