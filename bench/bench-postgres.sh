# Sourced by the bench scripts that also run on PostgreSQL.
#   start_bench_postgres NAME PORT   starts a throwaway server for this bench, stopped when the script exits, and
#                                    exports DECISIONAID_TEST_POSTGRES; a failed start stops the bench.
# A folder and port of its own, so a bench never stops the server a running test suite (55432), the multinode set-up
# (55433) or another bench uses.
start_bench_postgres() {
  export DECISIONAID_PG_STATE=/tmp/decisionaid-pg-bench-$1 DECISIONAID_PG_PORT=$2
  trap 'scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
  DECISIONAID_TEST_POSTGRES=$(scripts/postgres.sh start)
  export DECISIONAID_TEST_POSTGRES
}
