#!/usr/bin/env bash
# DecisionAid as several published nodes on one PostgreSQL behind Debian's nginx (TLS, round robin), all on loopback:
# the set-up of docs/deployment.md, to try by hand. The multi-node test (MultiNodeTests) builds the same in code, so it
# can kill and restart a node mid-request.
#   scripts/multinode.sh start [NODES]   publish, start PostgreSQL, NODES nodes (default 2) and nginx; prints the address
#   scripts/multinode.sh kill N          SIGKILL node N (1-based)
#   scripts/multinode.sh restart N       start node N again
#   scripts/multinode.sh stop            stop everything
set -euo pipefail
cd "$(dirname "$0")/.."
run=${DECISIONAID_MULTINODE_DIR:-/tmp/decisionaid-multinode}
pg_port=${DECISIONAID_MULTINODE_PG_PORT:-55433}
https_port=${DECISIONAID_MULTINODE_PORT:-8443}
first_node_port=5101

node_env() {
  echo "ASPNETCORE_ENVIRONMENT=Production Urls=http://127.0.0.1:$((first_node_port + $1 - 1)) Storage__Provider=Postgres" \
       "ConnectionStrings__DecisionAid=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=decisionaid" \
       "Consent__SealKey=$(cat "$run/seal.key") ForwardedHeaders__KnownProxies=127.0.0.1 Site__PublicBaseUrl=https://127.0.0.1:$https_port"
}

start_node() {
  # exec, so the pid is the node's own (kill hits it) and no shell keeps the caller's output open
  (cd "$run/app" && exec env $(node_env "$1") dotnet DecisionAid.Web.dll) >"$run/node$1.log" 2>&1 </dev/null &
  echo $! >"$run/node$1.pid"
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$((first_node_port + $1 - 1))/healthz" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "node $1 did not start; see $run/node$1.log" >&2
  return 1
}

case "${1:-}" in
  start)
    nodes=${2:-2}
    command -v nginx >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$run"
    echo "$nodes" >"$run/nodes"
    DECISIONAID_PG_STATE="$run/pg" DECISIONAID_PG_PORT=$pg_port ./scripts/postgres.sh start >/dev/null
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE decisionaid" >/dev/null
    echo "Publishing the site..." >&2
    dotnet publish src/DecisionAid.Web -c Release -o "$run/app" --nologo -v quiet
    openssl rand -base64 32 >"$run/seal.key"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$run/key.pem" -out "$run/cert.pem" -days 7 -subj /CN=127.0.0.1 2>/dev/null
    start_node 1 # the first node makes the tables; the others then start on them
    for i in $(seq 2 "$nodes"); do start_node "$i"; done
    servers=$(for i in $(seq 1 "$nodes"); do echo "    server 127.0.0.1:$((first_node_port + i - 1)) max_fails=1 fail_timeout=2s;"; done)
    cat >"$run/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes 1;
pid $run/nginx.pid;
error_log $run/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $run/body; proxy_temp_path $run/proxy; fastcgi_temp_path $run/fastcgi; uwsgi_temp_path $run/uwsgi; scgi_temp_path $run/scgi;
  upstream nodes {
$servers
  }
  server {
    listen 127.0.0.1:$https_port ssl;
    ssl_certificate $run/cert.pem;
    ssl_certificate_key $run/key.pem;
    client_max_body_size 30m;
    location / {
      proxy_pass http://nodes;
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
    nginx -c "$run/nginx.conf" -p "$run" -e "$run/error.log"
    curl -kfsS "https://127.0.0.1:$https_port/healthz" >/dev/null
    echo "https://127.0.0.1:$https_port ($nodes nodes; logs and the seal key in $run; add a clinician with:"
    echo "  dotnet run --project src/DecisionAid.Cli -- add-clinician --postgres 'Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=decisionaid' --practice Demo --slug demo --email you@example.org --name You --lead)"
    ;;
  kill)
    kill -9 "$(cat "$run/node$2.pid")"
    echo "node $2 killed (SIGKILL)"
    ;;
  restart)
    start_node "$2"
    echo "node $2 started again"
    ;;
  stop)
    [ -f "$run/nginx.pid" ] && nginx -c "$run/nginx.conf" -p "$run" -e "$run/error.log" -s stop 2>/dev/null || true
    for pid in "$run"/node*.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true; done
    DECISIONAID_PG_STATE="$run/pg" DECISIONAID_PG_PORT=$pg_port ./scripts/postgres.sh stop >/dev/null 2>&1 || true
    rm -rf "$run"
    ;;
  *)
    echo "usage: $0 start [NODES] | kill N | restart N | stop" >&2
    exit 2
    ;;
esac
