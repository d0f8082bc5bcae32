# What bench/oauth1.sh and bench/oauth2.sh share; sourced by both.

# DATABASE=postgres runs the provider in its postgres profile, on the
# database POSTGRES (host:port/name) as POSTGRES_USER, emptied first.
DATABASE=${DATABASE:-h2}
POSTGRES=${POSTGRES:-localhost:5432/bench}
POSTGRES_USER=${POSTGRES_USER:-oauth}
POSTGRES_PASSWORD=${POSTGRES_PASSWORD:-oauth}

# start_apps MODULE PROVIDER_PORT BASELINE_PORT NAME: packages MODULE and
# this bench, starts MODULE's provider (H2 file database /tmp/bench-NAME, or
# PostgreSQL, see DATABASE) and the yardstick, both in 256 MB of heap, and
# waits until both answer. Sets PROVIDER and BASELINE (their process ids)
# and DB.
start_apps() {
    local module=$1 provider_port=$2 baseline_port=$3 name=$4
    ./mvnw -q -pl "$module",bench -am package -DskipTests
    DB=/tmp/bench-$name
    rm -f "$DB".*
    local database=(--spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE")
    if [ "$DATABASE" = postgres ]; then
        psql -q "postgresql://$POSTGRES_USER:$POSTGRES_PASSWORD@$POSTGRES" \
             -c "drop schema public cascade" -c "create schema public"
        database=(--spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://$POSTGRES"
                  --spring.datasource.username="$POSTGRES_USER" --spring.datasource.password="$POSTGRES_PASSWORD")
    fi
    java -Xmx256m -jar "$module/target/$module.jar" --server.port="$provider_port" "${database[@]}" \
         > "/tmp/bench-$name-provider.log" 2>&1 &
    PROVIDER=$!
    java -Xmx256m -jar bench/target/bench.jar baseline --server.port="$baseline_port" --server.address=127.0.0.1 \
         > "/tmp/bench-$name-baseline.log" 2>&1 &
    BASELINE=$!
    trap 'kill $PROVIDER $BASELINE 2>/dev/null || true' EXIT
    for url in "http://127.0.0.1:$provider_port/" "http://127.0.0.1:$baseline_port/baseline"; do
        until curl -s -o /dev/null "$url"; do sleep 1; done
    done
}

# The machine's speed drifts (other tenants, frequency): so the two apps
# take turns, each round compares two runs made one after the other, and
# the result is the median of the rounds' ratios.
ratios=()

# round_result ROUND YARDSTICK_RATE PROVIDER_RATE LABEL: records and prints one round's ratio.
round_result() {
    local ratio
    ratio=$(awk -v a="$3" -v b="$2" 'BEGIN {printf "%.0f", 100 * a / b}')
    ratios+=("$ratio")
    echo "round $1: yardstick $2 requests/s, $4 $3 requests/s: $ratio%"
}

# report_median LABEL: the median of the recorded ratios.
report_median() {
    local median
    median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR] = $1} END {print r[int((NR + 1) / 2)]}')
    echo "== $1 on $DATABASE holds $median% of the yardstick's throughput (median of ${#ratios[@]} rounds)"
}
