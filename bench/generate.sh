#!/usr/bin/env bash
# Writes a briefing with N topics (default 1000) to stdout, for benchmarks.
# Each topic has a title and a two-paragraph body of ordinary policy prose.
set -euo pipefail
n=${1:-1000}
cat <<'HEAD'
title: Generated briefing for benchmarks
date: 2020-10-06
organisation: Ministry of Internal Affairs and Communications (MIC)
summary: |
  A generated briefing: many topics of ordinary prose, to measure time, memory and size.
topics:
HEAD
for i in $(seq 1 "$n"); do
  cat <<TOPIC
  - title: Topic $i on digital policy cooperation
    body: |
      Japan and the EU introduced the respective situations of 5G services in item $i, and both parties confirmed the importance of international standardization, research and development, and the early realization of Beyond 5G.

      They agreed to continue exchanging opinions on platforms, data and trust services, and to report on item $i at the next policy dialogue.
TOPIC
done
cat <<'TAIL'
contact:
  division: International Policy Division
  tel: "+81 3 5253 5920"
TAIL
