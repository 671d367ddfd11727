#!/usr/bin/env bash
# Lighthouse mobile performance of the aid page (each language) and of a patient's packet page (each language) on
# the published site (Production, 127.0.0.1 only), in Debian's Chromium; no browser is downloaded.
# Usage: bench/lighthouse.sh [runs per page, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=5082
url="http://127.0.0.1:$port"

[ -x /usr/bin/chromium ] || { echo "Installing chromium..."; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
command -v node >/dev/null || { echo "Node.js is needed (Lighthouse runs on it)"; exit 1; }
if [ ! -d bench/lighthouse/node_modules ]; then
  echo "Installing Lighthouse 12.2.3 (npm ci)..."
  (cd bench/lighthouse && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi

# shellcheck source=bench/published-site.sh
. bench/published-site.sh
publish_site
dotnet build bench/DecisionAid.Bench -c Release --nologo -v quiet >/dev/null
key=$(openssl rand -base64 32)
# A database with a neurolysis packet in each language; prints "link LANGUAGE PATH" for each patient link.
links=$(dotnet bench/DecisionAid.Bench/bin/Release/net10.0/DecisionAid.Bench.dll packet-links "$out/data" "$key" | awk '$1 == "link" {print $2 "=" $3}')
start_site "$url" "$key"

echo "Lighthouse, mobile, $runs runs per page..."
# shellcheck disable=SC2086 # one argument per language
node bench/lighthouse/run.mjs "$url" "$runs" 1950-01-01 $links
