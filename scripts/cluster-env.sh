# The settings and helpers cluster.sh and cluster-failover.sh share; sourced, not run.
# Node I listens for HTTP on HTTP_BASE+I-1, for Pekko remoting on REMOTE_BASE+I-1 and for Pekko
# Management on MANAGEMENT_BASE+I-1; a run's logs, pids, secret and database name go to CLUSTER_DIR.
HTTP_BASE=${HTTP_BASE:-8080}
REMOTE_BASE=${REMOTE_BASE:-25520}
MANAGEMENT_BASE=${MANAGEMENT_BASE:-8558}
CLUSTER_DIR=${CLUSTER_DIR:-./cluster}

# The numbers of the nodes started in CLUSTER_DIR, and whether node $1 still runs.
nodes() { ls "$CLUSTER_DIR"/node-*.pid 2>/dev/null | sed 's/.*node-\([0-9]*\)\.pid/\1/' | sort -n; }
alive() { local pid; pid=$(cat "$CLUSTER_DIR/node-$1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }
