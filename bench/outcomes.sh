#!/usr/bin/env bash
# The outcomes page over generated packets (default 100,000) against the bare aggregate SQL it runs, on SQLite and on
# a throwaway PostgreSQL, in the same run. Usage: bench/outcomes.sh [packets]
set -euo pipefail
cd "$(dirname "$0")/.."
packets=${1:-100000}
dotnet build bench/DecisionAid.Bench -c Release --nologo -v quiet >/dev/null
bench="dotnet bench/DecisionAid.Bench/bin/Release/net10.0/DecisionAid.Bench.dll"
$bench outcomes sqlite "$packets" 2>/dev/null | grep -E '^(sqlite|postgres):'
export DECISIONAID_TEST_POSTGRES=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
$bench outcomes postgres "$packets" 2>/dev/null | grep -E '^(sqlite|postgres):'
