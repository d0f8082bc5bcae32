#!/usr/bin/env bash
# Load benchmark of step03's signed GET /api/me against a bare Spring Boot
# endpoint that answers constant JSON, both on loopback, both in 256 MB of
# heap; then (with SOAK_MINUTES > 0) a steady stream of signed calls that
# prints the size of the nonce table. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
WRK_THREADS=${WRK_THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
SOAK_MINUTES=${SOAK_MINUTES:-0}
MIN_WARMUP_ROUNDS=${MIN_WARMUP_ROUNDS:-4}
MAX_WARMUP_ROUNDS=${MAX_WARMUP_ROUNDS:-10}
ROUNDS=${ROUNDS:-5}
export WRK_THREADS

source bench/common.sh
start_apps step03-oauth1-provider 5050 5060 oauth1

export HEADERS=/tmp/bench-oauth1-headers.txt
RUN=/tmp/bench-oauth1-run.txt

# Both runs send the same signed headers through the same wrk script, so
# wrk's own cost is the same on both sides.
# Warm means the JIT has done its work: step03 keeps C2 busy for a minute
# or more (thousands of methods compiled in the first round). So the
# warm-up runs in 15 s rounds, each with fresh signed headers, at least
# MIN_WARMUP_ROUNDS, until /api/me stops getting faster: a round no more
# than 5% faster than the best before it. The methods the JIT compiled in
# each round are printed too (jcmd); each round's new dance compiles a few
# hundred of its own, so they never reach zero.
compiled() { jcmd "$PROVIDER" PerfCounter.print | awk -F= '/sun.ci.totalCompiles/ {print $2}'; }
echo "== warm-up: rounds of 15 s on each app until /api/me stops getting faster"
best=0
for round in $(seq 1 "$MAX_WARMUP_ROUNDS"); do
    before=$(compiled)
    java -jar bench/target/bench.jar oauth1-sign http://127.0.0.1:5050 400000 "$HEADERS" > /dev/null
    TARGET_PATH=/baseline wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d15s -s bench/oauth1-me.lua \
        http://127.0.0.1:5060 > /dev/null
    rate=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d15s -s bench/oauth1-me.lua http://127.0.0.1:5050 \
        | awk '/Requests\/sec/ {print int($2)}')
    echo "warm-up round $round: /api/me $rate requests/s, $(( $(compiled) - before )) methods compiled"
    if [ "$round" -ge "$MIN_WARMUP_ROUNDS" ] && [ "$rate" -le $(( best * 105 / 100 )) ]; then
        break
    fi
    best=$(( rate > best ? rate : best ))
done

# Each round signs enough fresh headers for 40k requests/s.
for round in $(seq 1 "$ROUNDS"); do
    java -jar bench/target/bench.jar oauth1-sign http://127.0.0.1:5050 $(( SECONDS_PER_RUN * 40000 )) "$RUN" > /dev/null
    base=$(TARGET_PATH=/baseline HEADERS=$RUN wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
        -s bench/oauth1-me.lua http://127.0.0.1:5060 | awk '/Requests\/sec/ {print $2}')
    me=$(HEADERS=$RUN wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s bench/oauth1-me.lua \
        http://127.0.0.1:5050 | tee /tmp/bench-oauth1.txt | awk '/Requests\/sec/ {print $2}')
    if grep -q "Non-2xx" /tmp/bench-oauth1.txt; then
        echo "/api/me answered errors (out of fresh headers?):"; cat /tmp/bench-oauth1.txt; exit 1
    fi
    round_result "$round" "$base" "$me" "signed /api/me"
done
report_median "signed /api/me"
java -jar bench/target/bench.jar oauth1-sign http://127.0.0.1:5050 $(( SECONDS_PER_RUN * 40000 )) "$RUN" > /dev/null
cpu_per_request "yardstick" "$BASELINE" env TARGET_PATH=/baseline HEADERS="$RUN" wrk -t"$WRK_THREADS" \
    -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s bench/oauth1-me.lua http://127.0.0.1:5060
java -jar bench/target/bench.jar oauth1-sign http://127.0.0.1:5050 $(( SECONDS_PER_RUN * 40000 )) "$RUN" > /dev/null
cpu_per_request "signed /api/me on $DATABASE" "$PROVIDER" env HEADERS="$RUN" wrk -t"$WRK_THREADS" \
    -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s bench/oauth1-me.lua http://127.0.0.1:5050

if [ "$SOAK_MINUTES" -gt 0 ] && [ "$DATABASE" = postgres ]; then
    echo "== no soak on PostgreSQL: the soak counts rows over H2's auto-server mode"
elif [ "$SOAK_MINUTES" -gt 0 ]; then
    echo "== soak: $SOAK_MINUTES minutes of signed calls, nonce table size every 30 s"
    java -jar bench/target/bench.jar oauth1-soak http://127.0.0.1:5050 "$SOAK_MINUTES" 4 \
         "jdbc:h2:file:$DB;AUTO_SERVER=TRUE"
    grep -c OutOfMemoryError /tmp/bench-oauth1-provider.log || true
fi
