# What bench/oauth1.sh and bench/oauth2.sh share; sourced by both.

# DATABASE=postgres runs the provider in its postgres profile, on the
# database POSTGRES (host:port/name) as POSTGRES_USER, emptied first.
# PROVIDER_ARGS adds arguments to the provider's command line.
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
    ./mvnw -q -Pbench -pl "$module",bench -am package -DskipTests
    DB=/tmp/bench-$name
    rm -f "$DB".*
    local database=(--spring.datasource.url="jdbc:h2:file:$DB;AUTO_SERVER=TRUE")
    if [ "$DATABASE" = postgres ]; then
        psql -q "postgresql://$POSTGRES_USER:$POSTGRES_PASSWORD@$POSTGRES" \
             -c "drop schema public cascade" -c "create schema public"
        database=(--spring.profiles.active=postgres --spring.datasource.url="jdbc:postgresql://$POSTGRES"
                  --spring.datasource.username="$POSTGRES_USER" --spring.datasource.password="$POSTGRES_PASSWORD")
    fi
    # shellcheck disable=SC2086 # PROVIDER_ARGS: more arguments for the provider, split on spaces
    java -Xmx256m -jar "$module/target/$module.jar" --server.port="$provider_port" "${database[@]}" \
         ${PROVIDER_ARGS:-} > "/tmp/bench-$name-provider.log" 2>&1 &
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

# cpu_per_request LABEL PID COMMAND...: runs COMMAND (a wrk run) and prints
# the CPU time per request, in microseconds, that process PID used (and how
# much of it in the kernel), and the PostgreSQL server's processes with it
# (with H2 the database runs inside the provider's process). Read from
# /proc, so perf is not needed.
cpu_per_request() {
    local label=$1 pid=$2
    shift 2
    local tick db_pids app_before kernel_before db_before requests
    tick=$(getconf CLK_TCK)
    db_pids=$(pgrep -u postgres | tr '\n' ' ' || true)
    app_before=$(cpu_ticks 14 "$pid")
    kernel_before=$(cpu_ticks 15 "$pid")
    db_before=$(( $(cpu_ticks 14 $db_pids) + $(cpu_ticks 15 $db_pids) ))
    requests=$("$@" | awk '/requests in/ {print $1}')
    awk -v label="$label" -v n="$requests" -v tick="$tick" -v user=$(( $(cpu_ticks 14 "$pid") - app_before )) \
        -v kernel=$(( $(cpu_ticks 15 "$pid") - kernel_before )) \
        -v db=$(( $(cpu_ticks 14 $db_pids) + $(cpu_ticks 15 $db_pids) - db_before )) 'BEGIN {
            printf "%s: %d requests, CPU per request: app %.0f us (kernel %.0f), PostgreSQL %.0f us\n",
                label, n, (user + kernel) * 1e6 / tick / n, kernel * 1e6 / tick / n, db * 1e6 / tick / n }'
}

# cpu_ticks FIELD PID...: the CPU these processes used so far, in clock
# ticks, from field 14 (user) or 15 (kernel) of /proc/PID/stat.
cpu_ticks() {
    local field=$1 total=0 pid
    shift
    for pid in "$@"; do
        total=$(( total + $(awk -v f="$field" '{print $f}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
    echo "$total"
}
