#!/usr/bin/env bash
# Linkage benchmark (issue 5, ADR 12). Two parts, each comparing the engine with the naive baseline
# (exact given name, family name and date of birth) in the same run:
#  1. quality on the reference data sets of shared/data/linkage (FEBRL 1-3, fake_1000), converted to
#     people.csv by bench/LinkageData.java; no labels are used for linking, only for scoring;
#  2. scale: PEOPLE synthetic person records (about 1,000,000 from 553,000 crimes) from the generator,
#     with its true identities, linked on two cores with a 3 GB heap, timed end to end.
# Usage: ./mvnw -q -DskipTests package && bench/linkage.sh     Results in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/soteria.jar}
OUT=${BENCH_DIR:-bench/out/linkage}
DATA=${LINKAGE_DATA:-../shared/data/linkage}
CRIMES=${CRIMES:-553000}
HEAP=${HEAP:--Xmx3g}
CORES=${CORES:-0,1}
mkdir -p "$OUT"

run() { # name people truth
  local name=$1 people=$2 truth=$3
  echo "== $name: naive baseline"
  java $HEAP -jar "$JAR" link --naive --people "$people" --out "$OUT/$name-naive.csv" --truth "$truth" 2>&1 \
    | grep -E "Pairwise|B-cubed"
  echo "== $name: engine"
  /usr/bin/time -f "elapsed %e s, peak resident memory %M KB" taskset -c "$CORES" java $HEAP -jar "$JAR" link \
    --people "$people" --out "$OUT/$name-clusters.csv" --explain "$OUT/$name-pairs.csv" --truth "$truth" 2>&1 \
    | grep -vE "^Read [0-9,]+ records$"
}

for d in 1 2 3; do
  java bench/LinkageData.java febrl "$DATA/febrl/dataset$d.csv" "$OUT/febrl$d"
  run "febrl$d" "$OUT/febrl$d/people.csv" "$OUT/febrl$d/truth.csv"
done
java bench/LinkageData.java fake "$DATA/fake_1000/fake_1000.csv" "$OUT/fake_1000"
run fake_1000 "$OUT/fake_1000/people.csv" "$OUT/fake_1000/truth.csv"

if [ ! -f "$OUT/synthetic/people.csv" ]; then
  java -jar "$JAR" demo-data --crimes "$CRIMES" --out "$OUT/synthetic" >&2
fi
echo "people: $(($(wc -l < "$OUT/synthetic/people.csv") - 1)) records"
run synthetic "$OUT/synthetic/people.csv" "$OUT/synthetic/truth/identities.csv"
