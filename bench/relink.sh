#!/usr/bin/env bash
# In-application linkage (issue 5, ADR 12): a full run over every stored suspect of CRIMES synthetic
# crimes, then an import of NEW further suspects (variants of stored ones and new people) and the
# incremental run that compares only them with the saved model, then a full run again over the same
# records as the baseline the incremental run is measured against. Results in docs/benchmarks.md.
# Usage: ./mvnw -q -DskipTests package && bench/relink.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CRIMES=${CRIMES:-200000}
NEW=${NEW:-50}
DIR=${BENCH_DIR:-bench/out/relink-$CRIMES}
JAR=${JAR:-target/soteria.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g}
mkdir -p "$DIR"
if [ ! -f "$DIR/loaded" ]; then
  echo "Generating and importing $CRIMES crimes (once) ..." >&2
  java $JAVA_OPTS -jar "$JAR" demo-data --crimes "$CRIMES" --out "$DIR/bundle" --data-dir "$DIR/db" --load >&2
  touch "$DIR/loaded"
fi
echo "== full run (model estimated)"
java $JAVA_OPTS -jar "$JAR" relink --full --data-dir "$DIR/db"

# NEW suspects in NEW new crimes: every other one a variant (nickname or initial) of a stored suspect.
stamp=$(date +%s)
mkdir -p "$DIR/new-$stamp"
awk -F, -v n="$NEW" -v s="$stamp" 'NR == 1 { next } NR % 97 == 0 && k < n {
    k++; g = (k % 2 == 0) ? substr($3, 1, 1) : $3; print "B" s "-" k "," $2 "," g "," $5 "," $6 "," $7 "," $8 }' \
  "$DIR/bundle/people.csv" > "$DIR/new-$stamp/rows"
{ echo "person_id,force_code,given_name,family_name,date_of_birth,sex,postcode"; cat "$DIR/new-$stamp/rows"; } \
  > "$DIR/new-$stamp/people.csv"
{ echo "crime_ref,force_code,offence_code,recorded_date"; awk -F, -v s="$stamp" '{ print "NWP/B" s "/" NR ",NWP,19C,2026-10-30" }' \
  "$DIR/new-$stamp/rows"; } > "$DIR/new-$stamp/cases.csv"
{ echo "crime_ref,person_id,role"; awk -F, -v s="$stamp" '{ print "NWP/B" s "/" NR "," $1 ",suspect" }' \
  "$DIR/new-$stamp/rows"; } > "$DIR/new-$stamp/case_people.csv"
rm "$DIR/new-$stamp/rows"
java $JAVA_OPTS -jar "$JAR" import --bundle "$DIR/new-$stamp" --data-dir "$DIR/db" > /dev/null
echo "== incremental run ($NEW new suspects, saved model)"
java $JAVA_OPTS -jar "$JAR" relink --data-dir "$DIR/db"
echo "== baseline: full run over the same records"
java $JAVA_OPTS -jar "$JAR" relink --full --data-dir "$DIR/db"
