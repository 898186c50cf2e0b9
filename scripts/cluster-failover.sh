#!/usr/bin/env bash
# Measures a running cluster of scripts/cluster.sh (same HTTP_BASE, MANAGEMENT_BASE, CLUSTER_DIR):
#
#   scripts/cluster-failover.sh kill I [CASES]   opens CASES cases (60), kills node I with SIGKILL and
#                                                prints how long until the cases answer again from
#                                                the other nodes (the slowest are the dead node's)
#   scripts/cluster-failover.sh join             starts one more node and prints how long until it
#                                                holds its share of the shards (the rebalance)
#
# Prints numbers only; BENCHMARKS.md, "A cluster that loses a node", has what they were.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/cluster-env.sh

SHARDS=100
export HTTP_BASE MANAGEMENT_BASE REMOTE_BASE CLUSTER_DIR

die() { echo "cluster-failover.sh: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
shards_on() {
  curl -s --max-time 5 "http://127.0.0.1:$((MANAGEMENT_BASE + $1 - 1))/cluster/shards/Case" | awk -F'"shardId"' '{ n += NF - 1 } END { print n + 0 }'
}
is_up() {
  curl -s --max-time 5 "http://127.0.0.1:$((MANAGEMENT_BASE + $1 - 1))/cluster/members" | tr '{' '\n' \
    | grep "127.0.0.1:$2\"" | grep -q '"status":"Up"'
}
seconds_since() { awk -v ms=$(($(now_ms) - $1)) 'BEGIN { printf "%.1f", ms / 1000 }'; }
token() { REGIE_JWT_SECRET=$(cat "$CLUSTER_DIR/secret") java -jar server/target/regie-server.jar token --role toegang,backoffice --gemeente 0983; }

kill_and_measure() {
  local victim=$1 cases=${2:-60} survivors=() i
  alive "$victim" || die "node $victim does not run"
  for i in $(nodes); do [ "$i" != "$victim" ] && alive "$i" && survivors+=("$i"); done
  [ ${#survivors[@]} -gt 0 ] || die "no other node runs"
  local auth="Authorization: Bearer $(token)" ids=() port
  for ((i = 0; i < cases; i++)); do
    port=$((HTTP_BASE + survivors[i % ${#survivors[@]}] - 1))
    ids+=("$(curl -s -X POST "http://127.0.0.1:$port/api/v1/cases" -H "$auth" -H 'Content-Type: application/json' \
      -d '{"bsn":"999993653","gemeente":"0983","regeling":"wmo-noord-limburg","kanaal":"gemeente","meldingOp":"2026-11-24"}' \
      | sed 's/.*"caseId":"\([^"]*\)".*/\1/')")
  done
  echo "$cases cases opened; node $victim holds $(shards_on "$victim") of $SHARDS shards"
  local out
  out=$(mktemp)
  local killed
  kill -9 "$(cat "$CLUSTER_DIR/node-$victim.pid")"
  killed=$(now_ms)
  for ((i = 0; i < cases; i++)); do
    (
      port=$((HTTP_BASE + survivors[i % ${#survivors[@]}] - 1))
      until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H "$auth" "http://127.0.0.1:$port/api/v1/cases/${ids[i]}")" = 200 ]; do
        sleep 0.2
      done
      echo $(($(now_ms) - killed)) >>"$out"
    ) &
  done
  wait
  sort -n "$out" | awk -v victim="$victim" '
    { t[NR] = $1 / 1000 }
    END {
      slow = 0; for (i = 1; i <= NR; i++) if (t[i] > 5) slow++
      printf "node %s killed: %d cases answered again after %.1f s (first), %.1f s (median), %.1f s (last); %d took over 5 s\n",
        victim, NR, t[1], t[int((NR + 1) / 2)], t[NR], slow
    }'
  rm -f "$out"
}

join_and_measure() {
  local before n members=0 total=0 i other=""
  before=$(nodes | tail -1)
  n=$((before + 1))
  for i in $(nodes); do
    if alive "$i"; then
      members=$((members + 1))
      total=$((total + $(shards_on "$i")))
      other=$i
    fi
  done
  [ -n "$other" ] || die "no node runs"
  members=$((members + 1))
  # Shards are allocated when a case in them is first asked for: the share is of those.
  local share=$((total / members)) start up="" ready=""
  start=$(now_ms)
  scripts/cluster.sh add >/dev/null &
  local adding=$!
  until is_up "$other" $((REMOTE_BASE + n - 1)); do
    sleep 0.2
    (($(now_ms) - start < 300000)) || die "node $n is not Up after 5 minutes"
  done
  up=$(now_ms)
  echo "node $n is an Up member $(seconds_since "$start") s after it was started; waiting until it holds $share of the $total shards in use"
  until [ "$(shards_on "$n")" -ge "$share" ]; do
    sleep 0.2
    (($(now_ms) - up < 300000)) || die "node $n holds $(shards_on "$n") shards 5 minutes after it was Up"
  done
  echo "node $n holds $(shards_on "$n") shards $(seconds_since "$up") s after it was Up"
  wait "$adding"
  echo "node $n is ready (/health/ready) $(seconds_since "$start") s after it was started"
}

case ${1:-} in
  kill) kill_and_measure "${2:-}" "${3:-60}" ;;
  join) join_and_measure ;;
  *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
