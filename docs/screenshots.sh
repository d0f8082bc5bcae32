#!/usr/bin/env bash
# Retakes the pictures in docs/images/ from the real step jars, in headless
# Chromium (see "Screenshots" in CONTRIBUTING.md). Needs ports 5000 and 8000
# free, and Chromium with its driver (CHROMIUM_BIN, CHROMEDRIVER_BIN).
set -euo pipefail
cd "$(dirname "$0")/.."

# One Maven run: packages the step jars the pictures come from, then runs
# only the docs module's Screenshots class (the steps' tests are skipped).
./mvnw -q -pl step01-user-system,step02-client-model,step04-oauth1-client,step05-oauth2-provider,step06-oauth2-client,docs -am verify -Pscreenshots \
    -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false
