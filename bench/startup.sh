#!/usr/bin/env bash
# Start-up time of each step's jar against a bare Spring Boot app with the
# same starters (Bench bare): from `java -jar` to the first answered
# request, taking turns, ROUNDS times each; prints each median.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
STEPS=${STEPS:-"step01-user-system step02-client-model step03-oauth1-provider step04-oauth1-client step05-oauth2-provider step06-oauth2-client"}
./mvnw -q -Pbench -pl "$(echo $STEPS | tr ' ' ','),bench" -am package -DskipTests

# start_ms NAME COMMAND...: milliseconds until http://127.0.0.1:5070/ answers.
start_ms() {
    local name=$1; shift
    local t0 t1
    t0=$(date +%s%N)
    "$@" --server.port=5070 --server.address=127.0.0.1 --spring.datasource.url=jdbc:h2:mem:startup \
        > "/tmp/bench-startup-$name.log" 2>&1 &
    local pid=$!
    until curl -s -o /dev/null http://127.0.0.1:5070/; do sleep 0.02; done
    t1=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{r[NR] = $1} END {print r[int((NR + 1) / 2)]}'; }

declare -A times
for round in $(seq 1 "$ROUNDS"); do
    for step in $STEPS; do
        times[bare]+="$(start_ms bare java -Xmx256m -jar bench/target/bench.jar bare) "
        times[$step]+="$(start_ms "$step" java -Xmx256m -jar "$step/target/$step.jar") "
    done
    echo "round $round done"
done
bare=$(echo ${times[bare]} | tr ' ' '\n' | median)
echo "bare Spring Boot app: median $bare ms (${times[bare]})"
for step in $STEPS; do
    ms=$(echo ${times[$step]} | tr ' ' '\n' | median)
    echo "$step: median $ms ms, $(awk -v a="$ms" -v b="$bare" 'BEGIN {printf "%.2f", a / b}')x the bare app (${times[$step]})"
done
