#!/usr/bin/env bash
# Regenerates the README's page previews with briefing's own page images (--format png):
# page 1 of each built-in template on the seed, a Japanese briefing (also in the
# press-release template, at 72 ppi so the kanji can be read), a draft with a marking and
# contents, at 50 ppi; English and Japanese side by side, and a redline, at 60 ppi.
# Needs nothing but cargo.   templates/previews/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(.ci/binary)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=data/japan-eu-ict-workshop-10.yaml
# shot INPUT NAME PPI [PAGE] [briefing's own options…]: page PAGE (default 1) as NAME.png.
shot() {
  local input=$1 name=$2 ppi=$3 page=${4:-1}
  shift 4 2>/dev/null || shift $#
  "$bin" build "$input" -o "$work/$name-{p}.png" --ppi "$ppi" "$@" 2>/dev/null
  cp "$work/$name-$page.png" "templates/previews/$name.png"
}
for t in default press-release one-pager; do
  shot "$seed" "$t" 50 1 --template "$t"
done
shot tests/fixtures/japanese.yaml japanese 50
shot tests/fixtures/japanese.yaml japanese-press-release 72 1 --template press-release
{ echo "draft: true"; echo "marking: For official use only"; cat "$seed"; } >"$work/draft.yaml"
shot "$work/draft.yaml" draft-marking-toc 50 1 --toc
shot tests/fixtures/bilingual.yaml parallel 60 1 --parallel
sed -e 's/date: 2020-10-06/date: 2020-10-08/' -e 's/agreed on their cooperation/agreed on their close cooperation/' \
  -e 's/Japan explained the efforts/Japan explained its efforts/' "$seed" |
  awk '/- title: Digital action for COVID-19/ {skip=1} /- title: Platform/ {skip=0} !skip' >"$work/new.yaml"
printf '  - title: Semiconductors\n    body: |\n      Both sides agreed to exchange views on semiconductor supply chains.\n' >"$work/topic.yaml"
awk -v add="$(cat "$work/topic.yaml")" '/^contact:/ {print add} {print}' "$work/new.yaml" >"$work/new2.yaml"
"$bin" diff "$seed" "$work/new2.yaml" -o "$work/redline-{p}.png" --ppi 60 2>/dev/null
cp "$work/redline-1.png" templates/previews/redline.png
cp "$work/redline-2.png" templates/previews/redline-2.png
