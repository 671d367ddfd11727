#!/usr/bin/env bash
# The packets benchmarks: PDF handout time, and API throughput on SQLite and on a throwaway PostgreSQL, each
# beside a baseline from the same run.
# Usage: bench/packets.sh [seconds per throughput run, default 8] [rounds, default 5] [clients at once, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
rounds=${2:-5}
clients=${3:-8}
dotnet build bench/DecisionAid.Bench -c Release --nologo -v quiet >/dev/null
bench="dotnet bench/DecisionAid.Bench/bin/Release/net10.0/DecisionAid.Bench.dll"
$bench pdf
$bench api sqlite "$seconds" "$rounds" "$clients"
# A server of its own (folder and port), so a bench never stops the one a running test suite uses.
export DECISIONAID_PG_STATE=/tmp/decisionaid-pg-bench DECISIONAID_PG_PORT=55433
export DECISIONAID_TEST_POSTGRES=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
$bench api postgres "$seconds" "$rounds" "$clients"
