#!/usr/bin/env bash
# Throughput of the aid page against the same bytes served precompressed by nginx (gzip_static), in one run.
# Publishes the site in Release, starts it (Production) on 127.0.0.1 only, saves the page's bytes as a file and its
# gzip, serves them with Debian's nginx-light on 127.0.0.1 (installed when missing), and loads each with wrk for a
# bounded time. Also prints the same file served by the app's own static file handler.
# Usage: bench/web-throughput.sh [seconds per run, default 10] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
port=5080
nginx_port=5084
url="http://127.0.0.1:$port"
nginx_url="http://127.0.0.1:$nginx_port"

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# shellcheck source=bench/published-site.sh
. bench/published-site.sh
on_exit '[ -f "$out/nginx.pid" ] && nginx -c "$out/nginx.conf" -p "$out" -e "$out/nginx-error.log" -s stop 2>/dev/null || true'
publish_site
start_site "$url"

# The baselines: the very bytes of the aid page, as a file the app serves from wwwroot, and as a file and its gzip
# (best compression) that nginx serves with gzip_static.
mkdir -p "$out/app/wwwroot/bench" "$out/static"
curl -sf "$url/en/aids/neurolysis" -o "$out/app/wwwroot/bench/neurolysis.html"
cp "$out/app/wwwroot/bench/neurolysis.html" "$out/static/neurolysis.html"
gzip -9 -k "$out/static/neurolysis.html"
bytes=$(stat -c %s "$out/static/neurolysis.html")
curl -sf "$url/bench/neurolysis.html" | cmp -s - "$out/static/neurolysis.html" || { echo "static copy differs"; exit 1; }
cat >"$out/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes auto;
pid $out/nginx.pid;
error_log $out/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/body; proxy_temp_path $out/proxy; fastcgi_temp_path $out/fastcgi; uwsgi_temp_path $out/uwsgi; scgi_temp_path $out/scgi;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $out/static;
    gzip_static on;
  }
}
CONF
nginx -c "$out/nginx.conf" -p "$out" -e "$out/nginx-error.log"
curl -sf --compressed "$nginx_url/neurolysis.html" | cmp -s - "$out/static/neurolysis.html" || { echo "nginx's copy differs"; exit 1; }
[ "$(curl -sf -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$nginx_url/neurolysis.html")" -lt "$bytes" ] || { echo "nginx did not send the gzip"; exit 1; }

rps() { wrk -t2 -c"$connections" -d"${seconds}s" -H "Accept-Encoding: br, gzip" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "Warming up..."
for target in "$url/en/aids/neurolysis" "$url/bench/neurolysis.html" "$nginx_url/neurolysis.html"; do
  wrk -t2 -c"$connections" -d2s -H "Accept-Encoding: br, gzip" "$target" >/dev/null
done
page=$(rps "$url/en/aids/neurolysis")
static=$(rps "$url/bench/neurolysis.html")
nginx=$(rps "$nginx_url/neurolysis.html")
page_bytes=$(curl -sf -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$url/en/aids/neurolysis")
nginx_bytes=$(stat -c %s "$out/static/neurolysis.html.gz")
echo "page bytes: $bytes uncompressed; the app sends $page_bytes, nginx $nginx_bytes"
echo "aid page /en/aids/neurolysis:              $page requests/s"
echo "the same file, the app's static files:     $static requests/s"
echo "the same file, nginx gzip_static:          $nginx requests/s"
awk -v p="$page" -v s="$static" 'BEGIN { printf "ratio page/app static file: %.2f\n", p / s }'
awk -v p="$page" -v n="$nginx" 'BEGIN { printf "ratio page/nginx gzip_static: %.2f (goal: 0.80 or more)\n", p / n }'
