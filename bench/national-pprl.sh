#!/usr/bin/env bash
# Cross-force matching at national scale (issue 28, ADR 31): FORCES synthetic forces of PER_FORCE records each
# (default 43 x 50,000), each encoded with `soteria pprl encode`, all matched at once with `soteria pprl match`
# (timed, peak memory from /usr/bin/time), scored against the known truth; then the every-pair baseline on a
# sample of the same encodings, in the same run, extrapolated to the national set.
# Usage: bench/national-pprl.sh [FORCES] [PER_FORCE]      Results in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
FORCES=${1:-43}
PER_FORCE=${2:-50000}
OUT=${BENCH_DIR:-bench/out/national-pprl}/$FORCES-$PER_FORCE
JAR=${SOTERIA_JAR:-target/soteria.jar}
mkdir -p "$OUT"
./mvnw -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
if [ ! -f "$OUT/truth.csv" ]; then
  java -cp "$CP" org.soteria.bench.NationalPprlBenchmark people "$OUT" "$FORCES" "$PER_FORCE"
fi
printf '# benchmark release secret\nnational benchmark release secret 2026-12\n' > "$OUT/secret"
chmod 600 "$OUT/secret"
start=$(date +%s.%N)
for f in $(seq -f %02g 0 $((FORCES - 1))); do
  java -jar "$JAR" pprl encode --people "$OUT/force-$f.csv" --secret-file "$OUT/secret" --force "F$f" \
    --out "$OUT/enc-$f.csv" 2>/dev/null
done
echo "encoding $FORCES forces (one JVM each): $(echo "$(date +%s.%N) - $start" | bc) s"
ARGS=()
for f in $(seq -f %02g 0 $((FORCES - 1))); do ARGS+=(--encodings "$OUT/enc-$f.csv"); done
/usr/bin/time -f "pprl match: %e s wall, %M KB peak resident" java -Xmx4g -jar "$JAR" pprl match "${ARGS[@]}" \
  --out "$OUT/pairs.csv" 2> >(grep -v "candidate pairs scored\|records keyed" >&2)
java -cp "$CP" org.soteria.bench.NationalPprlBenchmark score "$OUT/pairs.csv" "$OUT/truth.csv"
java -Xmx4g -cp "$CP" org.soteria.bench.NationalPprlBenchmark baseline "$OUT" 3 10000 0.74 "$FORCES" "$PER_FORCE"
