#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository's own YAML files (the corpora are not committed):
#   fuzz/corpus/yaml_to_pdf  ← data/*.yaml, tests/fixtures/*.yaml, tests/fixtures/bad/*.yaml
#   fuzz/corpus/template     ← templates/*.yaml
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
echo "yaml_to_pdf: $(ls "$fuzz/corpus/yaml_to_pdf" | wc -l) files; template: $(ls "$fuzz/corpus/template" | wc -l) files"
