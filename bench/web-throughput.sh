#!/usr/bin/env bash
# Throughput of the aid page against the same bytes served as a static file by the same server, in one run.
# Publishes the site in Release, starts it (Production) on 127.0.0.1 only, and loads it with wrk, bounded in time.
# Usage: bench/web-throughput.sh [seconds per run, default 10] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
port=5080
url="http://127.0.0.1:$port"

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

out=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$out"' EXIT
echo "Publishing (Release)..."
dotnet publish src/DecisionAid.Web -c Release -o "$out/app" --nologo -v quiet >/dev/null

(cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production Urls="$url" exec dotnet DecisionAid.Web.dll >"$out/server.log" 2>&1) &
server=$!
for _ in $(seq 1 60); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.5; done
curl -sf "$url/healthz" >/dev/null || { echo "the site did not start:"; cat "$out/server.log"; exit 1; }

# The baseline: the very bytes of the aid page, as a file the same server serves from wwwroot.
mkdir -p "$out/app/wwwroot/bench"
curl -sf "$url/en/aids/neurolysis" -o "$out/app/wwwroot/bench/neurolysis.html"
bytes=$(stat -c %s "$out/app/wwwroot/bench/neurolysis.html")
curl -sf "$url/bench/neurolysis.html" | cmp -s - "$out/app/wwwroot/bench/neurolysis.html" || { echo "static copy differs"; exit 1; }

rps() { wrk -t2 -c"$connections" -d"${seconds}s" -H "Accept-Encoding: br, gzip" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "Warming up..."
wrk -t2 -c"$connections" -d2s "$url/en/aids/neurolysis" >/dev/null
wrk -t2 -c"$connections" -d2s "$url/bench/neurolysis.html" >/dev/null
page=$(rps "$url/en/aids/neurolysis")
static=$(rps "$url/bench/neurolysis.html")
ratio=$(awk -v p="$page" -v s="$static" 'BEGIN { printf "%.2f", p / s }')
echo "page bytes (uncompressed): $bytes"
echo "aid page   /en/aids/neurolysis: $page requests/s"
echo "static file (same bytes):       $static requests/s"
echo "ratio page/static: $ratio (goal: 0.80 or more)"
