#!/usr/bin/env bash
# Cross-force matching (issue 10, ADR 16): keyed Bloom-filter encodings compared at the hub, against plain
# linkage (the in-force engine on both forces' records in the clear), on data with known truth. Each data set
# is split into two forces that share about half of the people who have two or more records (one record of
# each in each force). Data sets: FEBRL 1-3 and fake_1000 (shared/data/linkage, converted by
# bench/LinkageData.java) and the synthetic generator's suspects (CRIMES crimes, default 20,000).
# Usage: bench/cross-force.sh [THRESHOLD]      Results in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_DIR:-bench/out/cross-force}
DATA=${LINKAGE_DATA:-../shared/data/linkage}
CRIMES=${CRIMES:-20000}
THRESHOLD=${1:-0.74}
mkdir -p "$OUT"
./mvnw -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
for d in 1 2 3; do
  java bench/LinkageData.java febrl "$DATA/febrl/dataset$d.csv" "$OUT/febrl$d" 2>/dev/null
  java -cp "$CP" org.soteria.bench.CrossForceLinkageBenchmark "FEBRL $d" "$OUT/febrl$d/people.csv" \
    "$OUT/febrl$d/truth.csv" "$THRESHOLD"
done
java bench/LinkageData.java fake "$DATA/fake_1000/fake_1000.csv" "$OUT/fake_1000" 2>/dev/null
java -cp "$CP" org.soteria.bench.CrossForceLinkageBenchmark fake_1000 "$OUT/fake_1000/people.csv" \
  "$OUT/fake_1000/truth.csv" "$THRESHOLD"
mkdir -p "$OUT/historical-dev"
sed '1s/.*/person_id,identity_id/' "$DATA/historical-dev/historical-dev.truth.csv" > "$OUT/historical-dev/truth.csv"
java -cp "$CP" org.soteria.bench.CrossForceLinkageBenchmark historical-dev \
  "$DATA/historical-dev/historical-dev.people.csv" "$OUT/historical-dev/truth.csv" "$THRESHOLD"
if [ ! -f "$OUT/synthetic/people.csv" ]; then
  java -jar target/soteria.jar demo-data --crimes "$CRIMES" --out "$OUT/synthetic" >/dev/null
fi
java -cp "$CP" org.soteria.bench.CrossForceLinkageBenchmark "synthetic generator ($CRIMES crimes, suspects)" \
  "$OUT/synthetic/people.csv" "$OUT/synthetic/truth/identities.csv" "$THRESHOLD"
