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
# A server of its own (folder and port), so a bench never stops the one a running test suite (55432), the multinode
# set-up (55433) or another bench uses; stopped on exit, and a failed start stops the bench.
export DECISIONAID_PG_STATE=/tmp/decisionaid-pg-bench-packets DECISIONAID_PG_PORT=55434
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
pg=$(scripts/postgres.sh start)
export DECISIONAID_TEST_POSTGRES=$pg
$bench api postgres "$seconds" "$rounds" "$clients"
