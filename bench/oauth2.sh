#!/usr/bin/env bash
# Load benchmark of step05's GET /api/me with a bearer token against a bare
# Spring Boot endpoint that answers constant JSON, both on loopback, both in
# 256 MB of heap; then (with SOAK_MINUTES > 0) a stream of code exchanges
# and refreshes that prints the size of the code and token tables.
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
SOAK_MINUTES=${SOAK_MINUTES:-0}
# The JIT needs about a minute of load before the provider runs at full
# speed (measured: 2k, 3k, 7k, then 15k requests/s in successive 15 s runs).
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
ROUNDS=${ROUNDS:-5}

source bench/common.sh
start_apps step05-oauth2-provider 5051 5061 oauth2

TOKEN=$(java -jar bench/target/bench.jar oauth2-token http://127.0.0.1:5051 | tail -1)
echo "== warm-up: ${WARMUP_SECONDS} s on each app"
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" http://127.0.0.1:5061/baseline > /dev/null
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" -H "Authorization: Bearer $TOKEN" \
    http://127.0.0.1:5051/api/me > /dev/null

for round in $(seq 1 "$ROUNDS"); do
    base=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" http://127.0.0.1:5061/baseline \
        | awk '/Requests\/sec/ {print $2}')
    me=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -H "Authorization: Bearer $TOKEN" \
        http://127.0.0.1:5051/api/me | tee /tmp/bench-oauth2.txt | awk '/Requests\/sec/ {print $2}')
    if grep -q "Non-2xx" /tmp/bench-oauth2.txt; then
        echo "/api/me answered errors:"; cat /tmp/bench-oauth2.txt; exit 1
    fi
    round_result "$round" "$base" "$me" "/api/me"
done
report_median "/api/me"
cpu_per_request "yardstick" "$BASELINE" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
    http://127.0.0.1:5061/baseline
cpu_per_request "/api/me on $DATABASE" "$PROVIDER" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
    -H "Authorization: Bearer $TOKEN" http://127.0.0.1:5051/api/me

if [ "$SOAK_MINUTES" -gt 0 ] && [ "$DATABASE" = postgres ]; then
    echo "== no soak on PostgreSQL: the soak counts rows over H2's auto-server mode"
elif [ "$SOAK_MINUTES" -gt 0 ]; then
    echo "== soak: $SOAK_MINUTES minutes of code exchanges and refreshes, table sizes every 30 s"
    java -jar bench/target/bench.jar oauth2-soak http://127.0.0.1:5051 "$SOAK_MINUTES" 4 \
         "jdbc:h2:file:$DB;AUTO_SERVER=TRUE"
    grep -c OutOfMemoryError /tmp/bench-oauth2-provider.log || true
fi
