#!/usr/bin/env bash
# Error rates of the evaluation methods on synthetic series with known truth, against OLS with Newey-West
# errors on the same series. Usage: bench/evaluation-rates.sh [RUNS]   (default 1000 series per cell)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.soteria.bench.EvaluationRatesBenchmark "${1:-1000}"
