#!/usr/bin/env bash
# The outcomes page as the packets grow (default 100,000 then 1,000,000 in one practice), against its own SQL and
# against the grouped queries that compute the same numbers from every packet and answer, on SQLite and on a
# throwaway PostgreSQL, in the same run. Usage: bench/outcomes.sh [packets,packets...]
# Generating a million packets takes a while (about 15 minutes per database on 2 cores); progress is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-100000,1000000}
dotnet build bench/DecisionAid.Bench -c Release --nologo -v quiet >/dev/null
bench="dotnet bench/DecisionAid.Bench/bin/Release/net10.0/DecisionAid.Bench.dll"
$bench outcomes sqlite "$sizes" 2>/dev/null | grep -E '^(sqlite|postgres):'
# shellcheck source=bench/bench-postgres.sh
. bench/bench-postgres.sh
start_bench_postgres outcomes 55436
$bench outcomes postgres "$sizes" 2>/dev/null | grep -E '^(sqlite|postgres):'
