#!/usr/bin/env bash
# Regenerates the README's page previews: page 1 of each built-in template on the seed, a
# Japanese briefing (also in the press-release template, at 72 dpi so the kanji can be read),
# and a draft with a marking and contents, at 50 dpi.
# Needs pdftoppm (Debian's poppler-utils).   templates/previews/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
bin=target/release/briefing
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
