#!/usr/bin/env bash
# The whole OAuth 2 dance (authorize, consent page, code, token with PKCE
# and Basic, /api/me) against the step05 provider and against Spring
# Authorization Server, the peer in ../shared/perf, in one run: the peer's
# driver alternates the two, A B A B, and prints the median ratio of their
# dances per second (and of their server CPU per dance).
set -euo pipefail
cd "$(dirname "$0")/.."
PERF=${PERF:-../shared/perf}
THREADS=${THREADS:-4}
WARMUP=${WARMUP:-60}
PAIRS=${PAIRS:-5}
DURATION=${DURATION:-10}

# OIDC=true: step07's OpenID Connect sign-in instead (scope "openid profile", a
# signed id_token in every token response, consent remembered) against the
# peer with OpenID Connect on and consent remembered too.
if [ "${OIDC:-false}" = true ]; then
    STEP=step07-openid-connect
    PROFILE=bench/project-oidc.properties
    VS_PROFILE=$PERF/profiles/sas-oidc.properties
    PEER_ARGS=(--peer.oidc=true --peer.remember-consent=true)
else
    STEP=step05-oauth2-provider
    PROFILE=$PERF/profiles/project.properties
    VS_PROFILE=$PERF/profiles/sas.properties
    PEER_ARGS=()
fi

# The peer is built from a copy: shared/ may be read-only.
PEER=/tmp/bench-sas
rm -rf "$PEER" && cp -r "$PERF/sas" "$PEER" && chmod -R u+w "$PEER"
./mvnw -q -f "$PEER/pom.xml" package -DskipTests
./mvnw -q -pl "$STEP" -am package -DskipTests

# An H2 file database, new for each run, as a reader's provider has (an
# in-memory one would hold every grant and token in the 256 MB heap).
DB=/tmp/bench-dance
rm -f "$DB".*
java -Xmx256m -jar "$STEP/target/$STEP.jar" --server.port=5052 \
     --spring.datasource.url="jdbc:h2:file:$DB" > /tmp/bench-dance-provider.log 2>&1 &
PROVIDER=$!
java -Xmx256m -jar "$PEER/target/sas.jar" --server.port=5802 "${PEER_ARGS[@]}" > /tmp/bench-dance-peer.log 2>&1 &
PEER_PID=$!
trap 'kill $PROVIDER $PEER_PID 2>/dev/null || true' EXIT
for url in http://127.0.0.1:5052/ http://127.0.0.1:5802/login; do
    until curl -s -o /dev/null "$url"; do sleep 1; done
done

java "$PERF/dance/Dance.java" \
    --profile "$PROFILE" --base http://127.0.0.1:5052 --server-pid "$PROVIDER" \
    --vs-profile "$VS_PROFILE" --vs-base http://127.0.0.1:5802 --vs-server-pid "$PEER_PID" \
    --threads "$THREADS" --warmup "$WARMUP" --pairs "$PAIRS" --duration "$DURATION" | tee /tmp/bench-dance.txt
