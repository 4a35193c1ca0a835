#!/usr/bin/env bash
# Import throughput of a synthetic bundle against PostgreSQL COPY of the same rows, in one run.
# Usage: bench/import-vs-copy.sh [CRIMES]   (default 1000000; the bundle is generated once into bench/out)
set -euo pipefail
cd "$(dirname "$0")/.."
crimes="${1:-1000000}"
./mvnw -q -DskipTests package test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx8g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.soteria.bench.ImportVsCopyBenchmark --crimes "$crimes" --out bench/out
