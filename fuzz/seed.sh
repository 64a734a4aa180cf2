#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository's own files (the corpora are not committed):
#   fuzz/corpus/yaml_to_pdf  ← data/*.yaml, tests/fixtures/*.yaml, tests/fixtures/bad/*.yaml
#   fuzz/corpus/template     ← templates/*.yaml
#   fuzz/corpus/extract      ← PDFs built from the seed (with and without a source, a dossier)
#   fuzz/corpus/logo         ← templates/previews/*.png and a tiny JPEG
# Run from anywhere; files already in a corpus are kept (cp -n), so it is safe to rerun.
set -euo pipefail
fuzz=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$fuzz")
mkdir -p "$fuzz/corpus/yaml_to_pdf" "$fuzz/corpus/template"
for f in "$repo"/data/*.yaml "$repo"/tests/fixtures/*.yaml "$repo"/tests/fixtures/bad/*.yaml; do
  cp -n "$f" "$fuzz/corpus/yaml_to_pdf/seed-$(basename "$f")"
done
for f in "$repo"/templates/*.yaml; do
  cp -n "$f" "$fuzz/corpus/template/seed-$(basename "$f")"
done
# extract: PDFs the tool writes (a briefing, a dossier, one without a source); logo: the
# README's PNG previews and a tiny JPEG.
mkdir -p "$fuzz/corpus/extract" "$fuzz/corpus/logo"
bin=$("$repo/.ci/binary" debug)
seed=$repo/data/japan-eu-ict-workshop-10.yaml
[ -e "$fuzz/corpus/extract/seed-briefing.pdf" ] || "$bin" build "$seed" -o "$fuzz/corpus/extract/seed-briefing.pdf" 2>/dev/null
[ -e "$fuzz/corpus/extract/seed-nosource.pdf" ] || "$bin" build "$seed" --no-embed-source -o "$fuzz/corpus/extract/seed-nosource.pdf" 2>/dev/null
[ -e "$fuzz/corpus/extract/seed-dossier.pdf" ] || "$bin" bundle "$seed" "$repo/tests/fixtures/japanese.yaml" --title D -o "$fuzz/corpus/extract/seed-dossier.pdf" 2>/dev/null
for f in "$repo"/templates/previews/*.png; do
  cp -n "$f" "$fuzz/corpus/logo/seed-$(basename "$f")"
done
printf '\xff\xd8\xff\xc0\x00\x11\x08\x00\x02\x00\x03\x03\x01\x11\x00\x02\x11\x00\x03\x11\x00\xff\xd9' >"$fuzz/corpus/logo/seed-tiny.jpg"
echo "yaml_to_pdf: $(ls "$fuzz/corpus/yaml_to_pdf" | wc -l) files; template: $(ls "$fuzz/corpus/template" | wc -l) files;" \
  "extract: $(ls "$fuzz/corpus/extract" | wc -l) files; logo: $(ls "$fuzz/corpus/logo" | wc -l) files"
