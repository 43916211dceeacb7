#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on this machine, for the fault tests (`npm run chaos -- --scenario galera`) and
# for running the service's database suites on a cluster. Three mariadbd processes with their own data directories
# under $GALERA_DIR, every port on 127.0.0.1; the machine's own MariaDB (port 3306) is never touched.
#
#   scripts/cluster/galera.sh start    install galera-4 if needed, bootstrap node 1, join nodes 2 and 3 (rsync SST)
#   scripts/cluster/galera.sh stop     stop the three nodes this script started (by their pid files) and delete $GALERA_DIR
#   scripts/cluster/galera.sh status   wsrep state of each node
#   scripts/cluster/galera.sh urls     the three mysql:// URLs, one a line (database consent_ext_test)
#
# Settings (environment): GALERA_DIR (default /tmp/consent-ext-galera), GALERA_BASE_PORT (default 13306: the nodes
# listen on 13306, 13307, 13308; Galera's group, IST and SST ports are derived from it), GALERA_SYNC_WAIT (default 1,
# see docs/operations/database-cluster.md), GALERA_RETRY_AUTOCOMMIT (default 0, so that the tests prove the service retries certification conflicts itself; the server default is 1).
set -euo pipefail

GALERA_DIR=${GALERA_DIR:-/tmp/consent-ext-galera}
GALERA_BASE_PORT=${GALERA_BASE_PORT:-13306}
GALERA_SYNC_WAIT=${GALERA_SYNC_WAIT:-1}
GALERA_RETRY_AUTOCOMMIT=${GALERA_RETRY_AUTOCOMMIT:-0}
NODES=(1 2 3)
SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
READY_TIMEOUT_S=120

sql_port() { echo $((GALERA_BASE_PORT + $1 - 1)); }
# Galera's own ports, 10 apart per node: group communication, incremental state transfer, full state transfer.
group_port() { echo $((GALERA_BASE_PORT + 1261 + 10 * ($1 - 1))); }
ist_port() { echo $(($(group_port "$1") + 1)); }
sst_port() { echo $(($(group_port "$1") + 2)); }
node_dir() { echo "$GALERA_DIR/node$1"; }
client() { mariadb --no-defaults --protocol=socket --socket="$(node_dir "$1")/mysqld.sock" --user=root -N -B "${@:2}"; }
status_of() { client "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }

write_config() {
  local node=$1 dir
  dir=$(node_dir "$node")
  local members
  members=$(for other in "${NODES[@]}"; do printf '127.0.0.1:%s,' "$(group_port "$other")"; done)
  mkdir -p "$dir/data" "$dir/tmp"
  # The nodes run as Debian's mysql user: a node started by root would run the rsync daemon of a state transfer as
  # root, and rsync then drops to "nobody", which cannot write the joiner's data directory.
  chown -R mysql:mysql "$dir"
  if ! runuser -u mysql -- test -w "$dir/data"; then
    echo "the mysql user cannot write $dir/data: a folder above it is not open to other users (chmod 755 it)" >&2
    exit 1
  fi
  cat >"$dir/my.cnf" <<CONFIG
[mariadbd]
datadir=$dir/data
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
tmpdir=$dir/tmp
port=$(sql_port "$node")
bind-address=127.0.0.1
skip-name-resolve
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=64M
max_connections=300
# What Galera requires: row-based replication of InnoDB tables, interleaved auto-increment locks.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=consent-ext-test-cluster
wsrep_cluster_address=gcomm://${members%,}
wsrep_node_name=node$node
wsrep_node_address=127.0.0.1:$(group_port "$node")
wsrep_provider_options="base_host=127.0.0.1;base_port=$(group_port "$node");ist.recv_addr=127.0.0.1:$(ist_port "$node");gcache.size=64M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$node")
# Causal reads: a SELECT waits until this node has applied every write set the cluster committed before it.
wsrep_sync_wait=$GALERA_SYNC_WAIT
wsrep_retry_autocommit=$GALERA_RETRY_AUTOCOMMIT
CONFIG
}

# Whether a process runs: exited processes may linger as zombies (the sandbox's init does not always reap them),
# and kill -0 still succeeds on those.
alive() {
  [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

running() {
  local pid_file
  pid_file="$(node_dir "$1")/mysqld.pid"
  [ -s "$pid_file" ] && alive "$(cat "$pid_file")"
}

wait_synced() {
  local node=$1 deadline=$((SECONDS + READY_TIMEOUT_S))
  # $2: the process id of the node, so that a node that dies (a failed state transfer) fails at once.
  while [ $SECONDS -lt $deadline ]; do
    if [ "$(status_of "$node" wsrep_local_state_comment)" = "Synced" ] && [ "$(status_of "$node" wsrep_ready)" = "ON" ]; then
      return 0
    fi
    if ! alive "$2"; then
      break
    fi
    sleep 0.5
  done
  echo "node $node did not reach Synced (exited, or not within ${READY_TIMEOUT_S}s); its log:" >&2
  tail -n 40 "$(node_dir "$node")/error.log" >&2 || true
  return 1
}

start_node() {
  local node=$1 dir
  dir=$(node_dir "$node")
  # setsid: the node outlives this script, in its own session, and is stopped by `stop` through its pid file.
  setsid /usr/sbin/mariadbd --defaults-file="$dir/my.cnf" --user=mysql "${@:2}" </dev/null >>"$dir/console.log" 2>&1 &
  wait_synced "$node" $!
}

start() {
  "$SCRIPT_DIR/ensure-packages.sh" galera-4 rsync mariadb-server
  for node in "${NODES[@]}"; do
    if running "$node"; then
      echo "node $node already runs (pid $(cat "$(node_dir "$node")/mysqld.pid")); stop it first: $0 stop" >&2
      exit 1
    fi
  done
  rm -rf "$GALERA_DIR"
  for node in "${NODES[@]}"; do write_config "$node"; done
  # Only the first node is initialised: the others receive its data through a full state transfer when they join.
  mariadb-install-db --defaults-file="$(node_dir 1)/my.cnf" --user=mysql --auth-root-authentication-method=normal \
    --skip-test-db >"$(node_dir 1)/install.log" 2>&1 || { cat "$(node_dir 1)/error.log" "$(node_dir 1)/install.log" >&2; exit 1; }
  start_node 1 --wsrep-new-cluster
  # Tests connect over TCP from 127.0.0.1 as root without a password, as to the machine's own MariaDB.
  client 1 -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
    CREATE DATABASE IF NOT EXISTS consent_ext_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  start_node 2
  start_node 3
  local size
  size=$(status_of 1 wsrep_cluster_size)
  if [ "$size" != "3" ]; then
    echo "cluster size is ${size:-unknown}, not 3" >&2
    exit 1
  fi
  echo "galera cluster of 3 nodes synced: 127.0.0.1:$(sql_port 1), 127.0.0.1:$(sql_port 2), 127.0.0.1:$(sql_port 3) (data in $GALERA_DIR)"
}

stop() {
  local node pid_file pid
  for node in 3 2 1; do
    pid_file="$(node_dir "$node")/mysqld.pid"
    [ -s "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    if alive "$pid" && grep -q mariadbd "/proc/$pid/comm" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 120); do alive "$pid" || break; sleep 0.5; done
      if alive "$pid"; then kill -KILL "$pid"; fi
    fi
  done
  rm -rf "$GALERA_DIR"
}

status() {
  for node in "${NODES[@]}"; do
    if running "$node"; then
      echo "node $node 127.0.0.1:$(sql_port "$node") state=$(status_of "$node" wsrep_local_state_comment) cluster_size=$(status_of "$node" wsrep_cluster_size) ready=$(status_of "$node" wsrep_ready)"
    else
      echo "node $node not running"
    fi
  done
}

urls() {
  for node in "${NODES[@]}"; do echo "mysql://root@127.0.0.1:$(sql_port "$node")/consent_ext_test"; done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  urls) urls ;;
  *) echo "usage: $0 start|stop|status|urls" >&2; exit 2 ;;
esac
