#!/usr/bin/env bash
# The records manager's MoPI queue (issue 29) at 1,000,000 crimes recorded over ten years: the count of records due
# by a month from now, as RetentionRepository asks it (with the "old enough" bound on the recording date), against
# the baseline of the same query without the bound, in one run, each timed REPEAT times in turn; medians in ms.
# Needs psql, and the database bench/import-vs-copy.sh 1000000 leaves in bench/out/db-1000000 (a command's start
# migrates it to this version). Usage: bench/retention-queue.sh [DATA_DIR] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-bench/out/db-1000000}"
repeat="${2:-9}"
jar="${SOTERIA_JAR:-target/soteria.jar}"

SERVER_ADDRESS=127.0.0.1 java -Xmx2g -jar "$jar" serve --data-dir "$data" --port 8094 > bench/out/retention-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:8094/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
export PGPASSWORD=$(grep ^owner-password= "$data/database-secrets.properties" | cut -d= -f2-)
by=$(date -d '+31 days' +%F)
years="case mopi_group when 1 then 10 when 2 then 10 when 3 then 6 end"
from="from investigation_crime c left join offence_code oc on oc.code = c.offence_code left join lateral (select d.next_review from retention_decision d where d.crime_id = c.id and d.decision = 'retain' order by d.decided_at desc limit 1) l on true where c.force_code = (select min(force_code) from crime)"
due="coalesce(l.next_review, (c.recorded_date + make_interval(years => case coalesce(oc.mopi_group, 2) when 1 then 10 when 2 then 10 when 3 then 6 end))::date) <= '$by'"
bounded="select count(*) $from and c.recorded_date <= ('$by'::date - make_interval(years => (select coalesce(min($years), 0) from offence_code)))::date and $due"
baseline="select count(*) $from and $due"

time_ms() {
  psql -h localhost -p "$pgport" -U postgres -qAt -c '\timing on' -c "$1" | grep -o 'Time: [0-9.]*' | cut -d' ' -f2
}
a=(); b=()
for _ in $(seq 1 "$repeat"); do
  a+=("$(time_ms "$bounded")")
  b+=("$(time_ms "$baseline")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "records due: $(psql -h localhost -p "$pgport" -U postgres -qAt -c "$bounded") (baseline: $(psql -h localhost -p "$pgport" -U postgres -qAt -c "$baseline"))"
echo "queue count, bounded by recording date: median $(median "${a[@]}") ms"
echo "baseline, the same query unbounded:     median $(median "${b[@]}") ms"
