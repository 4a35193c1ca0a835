#!/usr/bin/env bash
# What writing the s.62 audit log costs a page, under concurrent load: the same pages (case pages and
# case list pages, each of which writes one hash-chained audit record) served with the audit log on,
# and with it off (the baseline, soteria.bench.skip-audit, allowed on demo data only), alternating
# A, B, A, B in one run so that drift in the machine hits both alike.
# Needs: wrk (apt-get install wrk) and target/soteria.jar (./mvnw -q -DskipTests package).
# Usage: bench/audit-cost.sh [SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
conns="${2:-8}"
rounds="${3:-2}"
port=8094
data=bench/out/db-audit
mkdir -p bench/out
export SOTERIA_DEMO_PASSWORD=bench-password-1

run() { # $1 = audited | baseline
  local skip=false
  [ "$1" = baseline ] && skip=true
  SOTERIA_BENCH_SKIPAUDIT=$skip java -XX:TieredStopAtLevel=1 -Xmx1g -jar target/soteria.jar serve --demo \
    --data-dir "$data" --port "$port" > "bench/out/serve-$1.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 180); do
    curl -sf "localhost:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  local jar
  jar=$(mktemp)
  curl -s -c "$jar" -b "$jar" "localhost:$port/login" -o bench/out/login.html
  local token
  token=$(grep -o 'name="_csrf" value="[^"]*"' bench/out/login.html | sed 's/.*value="//;s/"//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=investigator" \
    --data-urlencode "password=$SOTERIA_DEMO_PASSWORD" --data-urlencode "_csrf=$token" "localhost:$port/login"
  export SOTERIA_COOKIE="SOTERIA_SESSION=$(awk '$6 == "SOTERIA_SESSION" {print $7}' "$jar")"
  # The investigator's own cases: the first four pages of their list.
  : > bench/out/audit-paths.txt
  for page in 1 2 3 4; do
    curl -s -b "$jar" "localhost:$port/cases?page=$page" | grep -o 'href="/cases/[0-9]*"' | sed 's/href="//;s/"//' \
      >> bench/out/audit-paths.txt
    echo "/cases?page=$page" >> bench/out/audit-paths.txt
  done
  local before
  before=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "localhost:$port/cases")
  [ "$before" = 200 ] || { echo "sign-in failed ($before)"; kill $server; exit 1; }
  SOTERIA_PATHS=bench/out/audit-paths.txt wrk -t2 -c"$conns" -d15s -s bench/audit-cost.lua \
    "http://localhost:$port" > /dev/null
  echo "== $1: $(wc -l < bench/out/audit-paths.txt) case and list pages, ${conns} connections, ${seconds}s"
  SOTERIA_PATHS=bench/out/audit-paths.txt wrk -t2 -c"$conns" -d"${seconds}s" -s bench/audit-cost.lua \
    "http://localhost:$port" | grep -E "RESULT" | sed "s/RESULT/RESULT $1/"
  kill $server
  wait $server 2>/dev/null || true
  rm -f "$jar"
}

for _ in $(seq 1 "$rounds"); do
  run audited
  run baseline
done
