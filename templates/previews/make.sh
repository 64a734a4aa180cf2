#!/usr/bin/env bash
# Regenerates the README's page previews: page 1 of each built-in template on the seed, a
# Japanese briefing (also in the press-release template, at 72 dpi so the kanji can be read),
# a draft with a marking and contents, at 50 dpi; English and Japanese side by side, and a
# redline, at 60 dpi.
# Needs pdftoppm (Debian's poppler-utils).   templates/previews/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(.ci/binary release)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=data/japan-eu-ict-workshop-10.yaml
shot() { pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$1" "templates/previews/$2"; }
for t in default press-release one-pager; do
  "$bin" build "$seed" -o "$work/$t.pdf" --template "$t" 2>/dev/null
  shot "$work/$t.pdf" "$t"
done
"$bin" build tests/fixtures/japanese.yaml -o "$work/japanese.pdf" 2>/dev/null
shot "$work/japanese.pdf" japanese
"$bin" build tests/fixtures/japanese.yaml -o "$work/japanese-press-release.pdf" --template press-release 2>/dev/null
pdftoppm -png -r 72 -f 1 -l 1 -singlefile "$work/japanese-press-release.pdf" templates/previews/japanese-press-release
{ echo "draft: true"; echo "marking: For official use only"; cat "$seed"; } >"$work/draft.yaml"
"$bin" build "$work/draft.yaml" -o "$work/draft.pdf" --toc 2>/dev/null
shot "$work/draft.pdf" draft-marking-toc
"$bin" build tests/fixtures/bilingual.yaml -o "$work/parallel.pdf" --parallel 2>/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/parallel.pdf" templates/previews/parallel
sed -e 's/date: 2020-10-06/date: 2020-10-08/' -e 's/agreed on their cooperation/agreed on their close cooperation/' \
  -e 's/Japan explained the efforts/Japan explained its efforts/' "$seed" |
  awk '/- title: Digital action for COVID-19/ {skip=1} /- title: Platform/ {skip=0} !skip' >"$work/new.yaml"
printf '  - title: Semiconductors\n    body: |\n      Both sides agreed to exchange views on semiconductor supply chains.\n' >"$work/topic.yaml"
awk -v add="$(cat "$work/topic.yaml")" '/^contact:/ {print add} {print}' "$work/new.yaml" >"$work/new2.yaml"
"$bin" diff "$seed" "$work/new2.yaml" -o "$work/redline.pdf" 2>/dev/null
pdftoppm -png -r 60 -f 2 -l 2 -singlefile "$work/redline.pdf" templates/previews/redline-2
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/redline.pdf" templates/previews/redline
