#!/usr/bin/env bash
# Disclosure-control benchmark (issue 23, ADR 24): the dashboard's measures with and without disclosure control,
# at force level and below it, alternating in one process on one snapshot; then a force's eight quarterly hub
# releases, each suppressed alone and each with every earlier release. Results in docs/benchmarks.md.
#
# Usage: ./mvnw -q -DskipTests package && DB_DIR=bench/out/db-1000000 bench/disclosure.sh
# The database is the one bench/measures.sh (or bench/case-list-load.sh) generated and imported.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
JAVA_OPTS=${JAVA_OPTS:--Xmx12g}
DB=${DB_DIR:?set DB_DIR to a database made by bench/measures.sh}
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.soteria.performance.DisclosureBenchmark --data-dir "$DB" --from 2025-01-01 --to 2025-12-31 --as-of 2026-10-31 \
  --filter offence_group=adult_rape --rounds "$ROUNDS" 2>&1 | grep --line-buffered -v "^\s*$" | tee "$(dirname "$DB")/disclosure.log"
