#!/usr/bin/env bash
# Runs every test project and ends with one line "N passed, N failed" (CI reads it); keeps dotnet test's exit code.
# Installs and starts what the tests need itself, so it works on a fresh Debian 12 machine with the .NET 10 SDK.
set -uo pipefail
cd "$(dirname "$0")/.."

# Browser tests drive Debian's Chromium (never a downloaded browser).
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium (browser tests)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

# PDF tests read the handouts' text with poppler's pdftotext, draw pages with pdftoppm and check each file's
# structure with qpdf.
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v qpdf >/dev/null 2>&1; then
  echo "Installing poppler-utils and qpdf (PDF tests)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils qpdf >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils qpdf >/dev/null; }
fi

# The multi-node test puts Debian's nginx (with a certificate openssl makes) in front of two published nodes.
if ! command -v nginx >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  echo "Installing nginx-light and openssl (multi-node test)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light openssl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light openssl >/dev/null; }
fi

log=$(mktemp)
published=$(mktemp -d)
trap 'rm -rf "$log" "$published"' EXIT

# The published app is tested too (it must serve exactly what `dotnet run` serves).
echo "Publishing the site (Release) for the published-app test..."
if ! dotnet publish src/DecisionAid.Web -c Release -o "$published" --nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi
export DECISIONAID_PUBLISHED="$published"

# Storage tests run on SQLite and on a throwaway PostgreSQL server started here and stopped at the end.
if ! DECISIONAID_TEST_POSTGRES=$(./scripts/postgres.sh start); then
  echo "0 passed, 1 failed"
  exit 1
fi
export DECISIONAID_TEST_POSTGRES
trap 'rm -rf "$log" "$published"; ./scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT

dotnet test DecisionAid.slnx -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test project: "Passed!  - Failed:     0, Passed:    12, Skipped: ..." (or "Failed!  - ...").
read -r passed failed < <(awk '/^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) { gsub(",", "", $(i + 1)); if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1) }
  } END { print p + 0, f + 0 }' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a build error or crashed test host counts as a failure
echo "$passed passed, $failed failed"
exit "$status"
