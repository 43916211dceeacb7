#!/usr/bin/env bash
# nginx in front of service instances, for the rolling-restart fault test (`npm run chaos -- --scenario
# rolling-restart`): a generated configuration in a prefix folder of its own, listening on a loopback port, proxying
# to instances on loopback ports. The settings are the ones docs/operations/rolling-restart.md explains.
#
#   scripts/cluster/nginx.sh start <prefix folder> <listen port> <instance port> [<instance port>…]
#   scripts/cluster/nginx.sh stop <prefix folder>
set -euo pipefail
SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)

start() {
  local prefix=$1 listen_port=$2
  shift 2
  [ "$#" -ge 1 ] || { echo "at least one instance port is needed" >&2; exit 2; }
  "$SCRIPT_DIR/ensure-packages.sh" nginx
  mkdir -p "$prefix/logs" "$prefix/temp"
  local servers=""
  for port in "$@"; do
    # max_fails=1 fail_timeout=2s: one failed attempt takes an instance out of the rotation for 2 s, long enough for
    # most of a restart, short enough to bring it back soon after it is ready (a retry covers the rest).
    servers+="    server 127.0.0.1:${port} max_fails=${NGINX_MAX_FAILS:-0} fail_timeout=2s;"$'\n'
  done
  cat >"$prefix/nginx.conf" <<CONFIG
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $prefix/temp/body;
  proxy_temp_path $prefix/temp/proxy;
  fastcgi_temp_path $prefix/temp/fastcgi;
  uwsgi_temp_path $prefix/temp/uwsgi;
  scgi_temp_path $prefix/temp/scgi;
  upstream consent_extensions {
$servers
    # Connections to the instances are kept alive, as the identity server keeps its own.
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$listen_port;
    # The identity server sends whole consent files in one call (EXTENSION_BODY_LIMIT is 10mb by default).
    client_max_body_size 10m;
    location / {
      proxy_pass http://consent_extensions;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      # An instance that is stopping refuses new connections (error), answers 503 to a request that arrives on a
      # kept-alive connection while it closes (Fastify's return503OnClosing), or closes such a connection: each is
      # sent to the other instance. POST is retried too (non_idempotent): every extension call is idempotent per
      # requestId, its answer recorded or its usage counted once, so a second attempt cannot act twice.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 10s;
      proxy_connect_timeout 1s;
      # Under the identity server's 5 s read timeout would cut slow calls; above it nothing is gained.
      proxy_read_timeout 10s;
    }
  }
}
CONFIG
  nginx -p "$prefix" -c "$prefix/nginx.conf" -t -q
  nginx -p "$prefix" -c "$prefix/nginx.conf"
  for _ in $(seq 1 50); do [ -s "$prefix/nginx.pid" ] && break; sleep 0.1; done
  echo "nginx on 127.0.0.1:$listen_port (pid $(cat "$prefix/nginx.pid")) in front of $*"
}

stop() {
  local prefix=$1 pid
  [ -s "$prefix/nginx.pid" ] || return 0
  pid=$(cat "$prefix/nginx.pid")
  # QUIT: the master finishes the requests in progress, then exits with its workers.
  kill -QUIT "$pid" 2>/dev/null || true
  # An exited master may linger as a zombie (the sandbox's init does not always reap it): that counts as stopped.
  for _ in $(seq 1 100); do
    { [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status"; } || return 0
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start <prefix> <listen port> <instance port>… | stop <prefix>" >&2; exit 2 ;;
esac
