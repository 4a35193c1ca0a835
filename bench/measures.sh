#!/usr/bin/env bash
# Measures benchmark (issue 6, ADR 9): every measure of kpis.md for one period and one filter over
# CRIMES synthetic crimes (default 5,000,000), computed by the in-memory engine and, alternating in the
# same process, by the same measures as plain SQL over the normalised tables (the baseline); then a
# small import and the time until the measures show it. Results in docs/benchmarks.md.
#
# Usage: ./mvnw -q -DskipTests package && bench/measures.sh
# The data (about 80 million rows at 5,000,000 crimes) is generated and imported once into BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
CRIMES=${CRIMES:-5000000}
DIR=${BENCH_DIR:-bench/out/measures-$CRIMES}
ROUNDS=${ROUNDS:-5}
JAVA_OPTS=${JAVA_OPTS:--Xmx12g}
JAR=${JAR:-target/soteria.jar}
DB=${DB_DIR:-$DIR/db}

mkdir -p "$DIR"
if [ ! -f "$DIR/loaded" ] && [ -z "${DB_DIR:-}" ]; then
  echo "Generating and importing $CRIMES crimes (once) ..." >&2
  java $JAVA_OPTS -jar "$JAR" demo-data --crimes "$CRIMES" --out "$DIR/bundle" --data-dir "$DB" --load
  touch "$DIR/loaded"
fi

# A new crime for the freshness check, with a reference no earlier run used.
mkdir -p "$DIR/new"
printf 'crime_ref,force_code,offence_code,recorded_date\nNWP/BENCH/%s,NWP,19C,2025-06-01\n' "$(date +%s)" \
  > "$DIR/new/cases.csv"

# The SQL baseline (performance.SqlMeasures) is test code: run with the test classpath.
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.soteria.performance.MeasuresBenchmark --data-dir "$DB" --from 2025-01-01 --to 2025-12-31 --as-of 2026-10-31 \
  --filter offence_group=adult_rape --rounds "$ROUNDS" --then-import "$DIR/new" 2>&1 \
  | grep --line-buffered -v "^\s*$" | tee "$DIR/bench.log"
