#!/usr/bin/env bash
# Splits a large synthetic bundle into N bundles by crime, so that each import's transaction (and its
# temporary files) stays small enough for the disk: the first slice carries every person, officer,
# team and order; every slice carries its crimes with their people links, events and feedback.
# Works on bundles from `soteria demo-data` (no quoted commas in references).
# Usage: bench/split-bundle.sh BUNDLE_DIR OUT_DIR N
set -euo pipefail
in=$1
out=$2
n=$3
total=$(($(wc -l < "$in/cases.csv") - 1))
per=$(((total + n - 1) / n))
for i in $(seq 1 "$n"); do mkdir -p "$out/$i"; done
cp "$in/people.csv" "$in/officers.csv" "$in/teams.csv" "$in/orders.csv" "$out/1/"
awk -F, -v out="$out" -v per="$per" -v n="$n" '
  FILENAME ~ /cases\.csv$/ {
    if (FNR == 1) { for (i = 1; i <= n; i++) print > (out "/" i "/cases.csv"); next }
    s = int((FNR - 2) / per) + 1; slice[$1] = s; print > (out "/" s "/cases.csv"); next
  }
  {
    file = FILENAME; sub(/.*\//, "", file)
    if (FNR == 1) { for (i = 1; i <= n; i++) print > (out "/" i "/" file); next }
    ref = (file == "events.csv") ? $2 : $1
    print > (out "/" slice[ref] "/" file)
  }' "$in/cases.csv" "$in/case_people.csv" "$in/events.csv" "$in/feedback.csv"
for i in $(seq 1 "$n"); do echo "slice $i: $(($(wc -l < "$out/$i/cases.csv") - 1)) crimes"; done
