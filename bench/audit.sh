#!/usr/bin/env bash
# The audit trail's one lock under load: patients of several practices viewing their packets (every view audited)
# against the trail's own append rate and against the same rows inserted with no lock, on SQLite and on a throwaway
# PostgreSQL, in the same run. Usage: bench/audit.sh [seconds per run, default 8] [practices, default 8] [patients, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
practices=${2:-8}
patients=${3:-32}
dotnet build bench/DecisionAid.Bench -c Release --nologo -v quiet >/dev/null
bench="dotnet bench/DecisionAid.Bench/bin/Release/net10.0/DecisionAid.Bench.dll"
$bench audit sqlite "$seconds" "$practices" "$patients" 2>/dev/null | grep -E '^(sqlite|postgres):'
# shellcheck source=bench/bench-postgres.sh
. bench/bench-postgres.sh
start_bench_postgres audit 55435
$bench audit postgres "$seconds" "$practices" "$patients" 2>/dev/null | grep -E '^(sqlite|postgres):'
