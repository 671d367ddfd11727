# Sourced by the bench scripts that load the published site: publish it into a temporary folder and start it
# (Production, 127.0.0.1 only), stopped and removed when the script exits.
#   publish_site                 sets $out (the folder) and publishes into $out/app
#   start_site URL [SEAL_KEY]    starts $out/app on URL with its data in $out/data; waits for /healthz
#   on_exit COMMAND              runs COMMAND before the site is stopped
out=
server=
exit_steps=
stop_site() {
  eval "$exit_steps"
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; } || true
  [ -n "$out" ] && rm -rf "$out"
}
trap stop_site EXIT
on_exit() { exit_steps="$exit_steps $1;"; }

publish_site() {
  out=$(mktemp -d)
  mkdir -p "$out/data"
  echo "Publishing (Release)..."
  dotnet publish src/DecisionAid.Web -c Release -o "$out/app" --nologo -v quiet >/dev/null
}

start_site() {
  local url=$1 key=${2:-$(openssl rand -base64 32)}
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production Urls="$url" Storage__DataFolder="$out/data" Consent__SealKey="$key" \
    exec dotnet DecisionAid.Web.dll >"$out/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 60); do curl -sf "$url/healthz" >/dev/null && return 0; sleep 0.5; done
  echo "the site did not start:"
  cat "$out/server.log"
  exit 1
}
