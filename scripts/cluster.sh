#!/usr/bin/env bash
# A Regie cluster of N nodes on this machine, on one PostgreSQL database (README, "Running a cluster"):
#
#   scripts/cluster.sh start N [--db NAME]   N nodes on a fresh database cluster_<time> (or NAME, created if missing)
#   scripts/cluster.sh add                   one more node, joining the running cluster
#   scripts/cluster.sh status                each node's process, readiness and the cluster's members
#   scripts/cluster.sh kill I                SIGKILL node I (1-based), as a crash would
#   scripts/cluster.sh stop                  SIGTERM every node (each hands its cases over), then wait
#
# Node I listens for HTTP on HTTP_BASE+I-1, for Pekko remoting on REMOTE_BASE+I-1 and for Pekko
# Management on MANAGEMENT_BASE+I-1 (defaults 8080, 25520, 8558). Everything a run writes (logs,
# pids, the JWT secret, the database's name) goes to CLUSTER_DIR (default ./cluster). The nodes run
# with the virtual clock unless REGIE_CLOCK says otherwise; REGIE_CLOCK_START, REGIE_LOG_LEVEL and
# the other REGIE_* settings of the environment are passed on. PostgreSQL: PGHOST (127.0.0.1),
# PGPORT (5432), PGUSER (postgres), trust or PGPASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster-env.sh

JAR=server/target/regie-server.jar
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
die() { echo "cluster.sh: $*" >&2; exit 1; }

ready() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$((HTTP_BASE + $1 - 1))/health/ready" || true; }

seeds() {
  local n=$1 list="" i
  for ((i = 1; i <= n; i++)); do list+="${list:+,}pekko://Regie@127.0.0.1:$((REMOTE_BASE + i - 1))"; done
  echo "$list"
}

launch() {
  local i=$1 seeds=$2
  mkdir -p "$CLUSTER_DIR/node-$i"
  local log="$CLUSTER_DIR/node-$i.log"
  REGIE_HTTP_PORT=$((HTTP_BASE + i - 1)) REGIE_REMOTE_PORT=$((REMOTE_BASE + i - 1)) \
  REGIE_MANAGEMENT_PORT=$((MANAGEMENT_BASE + i - 1)) REGIE_SEED_NODES="$seeds" \
  REGIE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$(cat "$CLUSTER_DIR/database")" REGIE_DB_USER="$PGUSER" \
  REGIE_DB_PASSWORD="${PGPASSWORD:-}" REGIE_JWT_SECRET="$(cat "$CLUSTER_DIR/secret")" \
  REGIE_CLOCK="${REGIE_CLOCK:-virtual}" REGIE_DATA_DIR="$CLUSTER_DIR/node-$i" \
  REGIE_SHUTDOWN_DRAIN="${REGIE_SHUTDOWN_DRAIN:-3s}" \
    nohup java "-Xmx${NODE_XMX:-512m}" -XX:TieredStopAtLevel=1 -jar "$CLUSTER_DIR/regie-server.jar" >>"$log" 2>&1 &
  echo $! >"$CLUSTER_DIR/node-$i.pid"
}

await_ready() {
  local i=$1 waited=0
  until [ "$(ready "$i")" = 200 ]; do
    alive "$i" || die "node $i stopped; see $CLUSTER_DIR/node-$i.log"
    ((waited++ < 180)) || die "node $i is not ready after 3 minutes; see $CLUSTER_DIR/node-$i.log"
    sleep 1
  done
}

table() {
  printf '%-5s %-8s %-24s %-22s %-28s %s\n' node pid http remoting management log
  for i in $(nodes); do
    local pid state
    pid=$(cat "$CLUSTER_DIR/node-$i.pid")
    if alive "$i"; then state="$pid"; else state="($pid gone)"; fi
    printf '%-5s %-8s %-24s %-22s %-28s %s\n' "$i" "$state" "http://127.0.0.1:$((HTTP_BASE + i - 1))" \
      "127.0.0.1:$((REMOTE_BASE + i - 1))" "http://127.0.0.1:$((MANAGEMENT_BASE + i - 1))" "$CLUSTER_DIR/node-$i.log"
  done
}

start() {
  local n=${1:-} db=""
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage
  shift
  while [ $# -gt 0 ]; do
    case $1 in
      --db) db=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  for i in $(nodes); do alive "$i" && die "node $i still runs (pid $(cat "$CLUSTER_DIR/node-$i.pid")): stop first"; done
  [ -f "$JAR" ] || ./mvnw -q -B -DskipTests package -pl server -am
  mkdir -p "$CLUSTER_DIR"
  # The nodes run a copy (the jar and the lib folder its manifest names): a build meanwhile
  # (load-tests/run packages the server) rewrites them, and a JVM whose jar changed under it fails
  # to load its next class.
  rm -rf "$CLUSTER_DIR/lib"
  cp "$JAR" "$CLUSTER_DIR/regie-server.jar"
  cp -r "$(dirname "$JAR")/lib" "$CLUSTER_DIR/lib"
  rm -f "$CLUSTER_DIR"/node-*.pid
  db=${db:-cluster_$(date -u +%Y%m%d%H%M%S)}
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "database name: lower-case letters, digits and _, not '$db'"
  if [ "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
    psql -q -d postgres -c "CREATE DATABASE $db" || die "cannot create database $db"
  fi
  echo "$db" >"$CLUSTER_DIR/database"
  [ -s "$CLUSTER_DIR/secret" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$CLUSTER_DIR/secret"
  echo "$n" >"$CLUSTER_DIR/size"
  local seeds
  seeds=$(seeds "$n")
  # The first seed forms the cluster; the others join it, all at once.
  launch 1 "$seeds"
  await_ready 1
  for ((i = 2; i <= n; i++)); do launch "$i" "$seeds"; done
  for ((i = 2; i <= n; i++)); do await_ready "$i"; done
  echo "a cluster of $n on database $db (JWT secret in $CLUSTER_DIR/secret):"
  table
}

add() {
  [ -f "$CLUSTER_DIR/size" ] || die "no cluster in $CLUSTER_DIR: start one first"
  local n i
  n=$(cat "$CLUSTER_DIR/size")
  i=$(( $(nodes | tail -1) + 1 ))
  launch "$i" "$(seeds "$n")"
  await_ready "$i"
  echo "node $i joined:"
  table
}

status() {
  [ -n "$(nodes)" ] || { echo "no cluster in $CLUSTER_DIR"; exit 0; }
  echo "database $(cat "$CLUSTER_DIR/database")"
  table
  for i in $(nodes); do alive "$i" && echo "node $i /health/ready: $(ready "$i")"; done
  for i in $(nodes); do
    if alive "$i"; then
      echo "members, as node $i sees them:"
      curl -s --max-time 5 "http://127.0.0.1:$((MANAGEMENT_BASE + i - 1))/cluster/members" | tr -d '\n' \
        | grep -o '"node":"[^"]*","nodeUid":"[^"]*","roles":\[[^]]*\],"status":"[^"]*"' \
        | sed 's/"nodeUid":"[^"]*",//; s/"roles":\[[^]]*\],//; s/"node":"\([^"]*\)","status":"\([^"]*\)"/  \1 \2/' || true
      break
    fi
  done
}

kill_node() {
  local i=${1:-}
  [[ "$i" =~ ^[0-9]+$ ]] && [ -f "$CLUSTER_DIR/node-$i.pid" ] || usage
  alive "$i" || die "node $i does not run"
  kill -9 "$(cat "$CLUSTER_DIR/node-$i.pid")"
  echo "node $i killed at $(date -u +%H:%M:%S.%N | cut -c1-12)"
}

stop() {
  local i pid waited
  for i in $(nodes | sort -rn); do alive "$i" && kill -TERM "$(cat "$CLUSTER_DIR/node-$i.pid")"; done
  for i in $(nodes); do
    pid=$(cat "$CLUSTER_DIR/node-$i.pid")
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited++ < 60)); do sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; echo "node $i did not stop in 60 s: killed"; fi
  done
  echo "stopped; logs and the database $(cat "$CLUSTER_DIR/database" 2>/dev/null) are kept"
}

case ${1:-} in
  start) shift; start "$@" ;;
  add) add ;;
  status) status ;;
  kill) kill_node "${2:-}" ;;
  stop) stop ;;
  *) usage ;;
esac
