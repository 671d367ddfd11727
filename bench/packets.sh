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
# shellcheck source=bench/bench-postgres.sh
. bench/bench-postgres.sh
start_bench_postgres packets 55434
$bench api postgres "$seconds" "$rounds" "$clients"
