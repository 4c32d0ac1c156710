#!/bin/bash
# Fleet scale: N simulated agents heartbeating against a real Mosquitto and kiosk-server on
# PostgreSQL; server CPU/memory against the idle server, status staleness against the heartbeat,
# and "wipe now" to 1,000 laptops against a raw Paho publish/echo round trip, all in one run.
#
# Usage: bench/fleet/run.sh [agents=1000,10000] [heartbeat seconds=60] [--broker tcp://127.0.0.1:1883]
#   By default a Mosquitto of its own (the machine's /usr/sbin/mosquitto, anonymous, no persistence)
#   on a free port; --broker uses a running one instead (a unique topic root, sessions ended and
#   retained statuses cleared at the end). Needs PostgreSQL at 127.0.0.1:5432 (trust, db test):
#   a fresh schema, dropped at the end. Environment: SUOJA_BENCH_PG_USER (postgres),
#   SUOJA_BENCH_SERVER_HEAP (1g), SUOJA_BENCH_ARGS (more FleetBench options, see README.md),
#   SUOJA_BENCH_SERVER_OPTS (more JVM options for the server, e.g. a profiler's -agentpath),
#   SUOJA_BENCH_OPTS (the same for the benchmark's own JVM, which runs the simulated agents),
#   SUOJA_BENCH_SERVER_JAR (another kiosk-server jar, e.g. a "before" build), SUOJA_BENCH_SERVERS (1;
#   2 runs a second instance on the same database and broker, as a city with two instances does).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
AGENTS=${1:-1000,10000}
HEARTBEAT=${2:-60}
EXTERNAL_BROKER=
if [ "${3:-}" = "--broker" ]; then
  EXTERNAL_BROKER=${4:?--broker needs a URL such as tcp://127.0.0.1:1883}
fi
SERVERS=${SUOJA_BENCH_SERVERS:-1}
REPEAT="${SUOJA_BENCH_SERVERS:+SUOJA_BENCH_SERVERS=$SERVERS }${SUOJA_BENCH_ARGS:+SUOJA_BENCH_ARGS=\"$SUOJA_BENCH_ARGS\" }bench/fleet/run.sh $AGENTS $HEARTBEAT${EXTERNAL_BROKER:+ --broker $EXTERNAL_BROKER}"
PG_USER=${SUOJA_BENCH_PG_USER:-postgres}
HEAP=${SUOJA_BENCH_SERVER_HEAP:-1g}

# --- build what is missing ---
SERVER_JAR=${SUOJA_BENCH_SERVER_JAR:-kiosk-server/target/kiosk-server.jar}
case "$SERVER_JAR" in /*) ;; *) SERVER_JAR="$REPO/$SERVER_JAR" ;; esac
if [ ! -f "$SERVER_JAR" ]; then
  ./mvnw -q -o -pl kiosk-server -am install -DskipTests
elif ! ls ~/.m2/repository/fi/suoja/hardware/0.1.0-SNAPSHOT/hardware-0.1.0-SNAPSHOT.jar >/dev/null 2>&1; then
  ./mvnw -q -o -pl hardware -am install -DskipTests
fi
BENCH_JAR=bench/fleet/target/fleet-bench.jar
if [ ! -f "$BENCH_JAR" ] || [ -n "$(find bench/fleet/src bench/fleet/pom.xml -newer "$BENCH_JAR" -print -quit)" ]; then
  (cd bench/fleet && "$REPO/mvnw" -q -o package)
fi

# --- every agent is a socket here and in the broker ---
MOST=$(echo "$AGENTS" | tr ',' '\n' | sort -n | tail -1)
NEED=$((MOST + 3000))
HARD=$(ulimit -Hn)
if [ "$HARD" != unlimited ] && [ "$HARD" -lt "$NEED" ]; then
  echo "open-file limit $HARD is below the $NEED that $MOST agents need; raise the hard limit first" >&2
  exit 1
fi
ulimit -n "$([ "$HARD" = unlimited ] && echo $((NEED * 2)) || echo "$HARD")"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

WORK=$(mktemp -d /tmp/suoja-fleet-bench.XXXXXX)
RUN_ID=$(basename "$WORK" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
SCHEMA="fleet_bench_${RUN_ID}"
SERVER_PID=
SERVER2_PID=
BROKER_PID=
cleanup() {
  set +e
  # The servers are started from a command substitution, so not this shell's children: wait by polling.
  for pid in $SERVER2_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done
  [ -n "$BROKER_PID" ] && kill "$BROKER_PID" 2>/dev/null && wait "$BROKER_PID" 2>/dev/null
  psql -q -h 127.0.0.1 -U "$PG_USER" -d test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null
  echo "Logs of this run (server, broker): $WORK"
}
trap cleanup EXIT

# --- the broker ---
if [ -n "$EXTERNAL_BROKER" ]; then
  BROKER_URL=$EXTERNAL_BROKER
  TOPIC_ROOT="suoja-bench-$RUN_ID/v1"
  CLEAR=--clear-retained
  BROKER_PID=
  EXTERNAL_PID=$(pgrep -x mosquitto | head -1 || true)
else
  MQTT_PORT=$(free_port)
  cat > "$WORK/mosquitto.conf" <<EOF
# Like the machine's /etc/mosquitto/mosquitto.conf (anonymous, Mosquitto's default limits), on a
# port of its own and without persistence, so that nothing of this run outlives it.
listener $MQTT_PORT 127.0.0.1
allow_anonymous true
persistence false
max_connections -1
# as deploy/mosquitto/suoja.conf: no Nagle delay on what the broker sends
set_tcp_nodelay true
# as deploy/mosquitto/suoja.conf: a wipe of 1,000 laptops in one request brings their answers to
# the server, and their commands and answers to the benchmark's observer, faster than the default
# queue of 1,000 a client holds, and Mosquitto dropped some (the server's re-send recovers them a
# minute later, but the round then measures the re-send)
max_queued_messages 50000
max_inflight_messages ${SUOJA_BENCH_INFLIGHT:-20}
log_dest stdout
log_type error
log_type warning
log_type notice
EOF
  mosquitto -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
  BROKER_PID=$!
  BROKER_URL="tcp://127.0.0.1:$MQTT_PORT"
  TOPIC_ROOT="suoja/v1"
  CLEAR=
  EXTERNAL_PID=
fi

# --- the database ---
psql -q -h 127.0.0.1 -U "$PG_USER" -d test -c "CREATE SCHEMA $SCHEMA"
DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA"

# --- the server, as a city would run it: its own process, PostgreSQL, the external broker ---
# Its connections carry an application name, so the benchmark can find their PostgreSQL backends' CPU.
DB_APP="suoja-fleet-server-$RUN_ID"
ADMIN_PASSWORD="fleet-bench-$RUN_ID"
start_server() { # $1: instance number; prints the pid; the HTTP port is in $WORK/port-$1
  local port
  port=$(free_port)
  echo "$port" > "$WORK/port-$1"
  (
    cd "$WORK"
    export SUOJA_SERVER_PORT=$port SUOJA_DB_URL="$DB_URL&ApplicationName=$DB_APP" SUOJA_DB_USER="$PG_USER" SUOJA_DB_PASSWORD=
    export SUOJA_DB_DRIVER=org.postgresql.Driver SUOJA_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    export SUOJA_ADMIN_PASSWORD_FILE="$WORK/admin-password" SUOJA_DEMO=false SUOJA_MQTT_EMBEDDED=false
    export SUOJA_MQTT_URL="$BROKER_URL" SUOJA_MQTT_TOPIC_ROOT="$TOPIC_ROOT" SUOJA_MQTT_CLIENT_ID="fleet-bench-server-$RUN_ID-$1"
    unset SUOJA_KIOSK_TOKEN
    # shellcheck disable=SC2086 # SUOJA_BENCH_SERVER_OPTS holds several JVM options, such as a profiler's
    exec java "-Xmx$HEAP" ${SUOJA_BENCH_SERVER_OPTS:-} "-Dsuoja.fleet.heartbeat-seconds=$HEARTBEAT" -jar "$SERVER_JAR"
  ) > "$WORK/server-$1.log" 2>&1 &
  echo $!
}
await_server() { # $1: instance number, $2: pid
  local port
  port=$(cat "$WORK/port-$1")
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "kiosk-server $1 stopped while starting:" >&2; tail -50 "$WORK/server-$1.log" >&2; exit 1; fi
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "kiosk-server $1 did not start in 120 s" >&2; exit 1; }
}
SERVER_PID=$(start_server 1)
await_server 1 "$SERVER_PID"
HTTP_PORT=$(cat "$WORK/port-1")
if [ "$SERVERS" = 2 ]; then
  # After the first has migrated the schema and made the shared secrets.
  SERVER2_PID=$(start_server 2)
  await_server 2 "$SERVER2_PID"
  echo "second kiosk-server pid $SERVER2_PID on :$(cat "$WORK/port-2")"
fi
echo "kiosk-server pid $SERVER_PID on :$HTTP_PORT, heap -Xmx$HEAP, PostgreSQL schema $SCHEMA;" \
  "broker $BROKER_URL (pid ${BROKER_PID:-$EXTERNAL_PID}, $(mosquitto -h 2>/dev/null | head -1)); topic root $TOPIC_ROOT"

# shellcheck disable=SC2086 # SUOJA_BENCH_OPTS, SUOJA_BENCH_ARGS and the optional flags expand to several words each
java ${SUOJA_BENCH_OPTS:-} -Xmx1g -Xss512k -jar "$BENCH_JAR" \
  --server "http://127.0.0.1:$HTTP_PORT" --admin-password "$ADMIN_PASSWORD" --server-pid "$SERVER_PID" \
  --broker "$BROKER_URL" ${BROKER_PID:+--broker-pid $BROKER_PID} ${EXTERNAL_PID:+--broker-pid $EXTERNAL_PID} \
  --db-url "$DB_URL" --db-user "$PG_USER" --agents "$AGENTS" $CLEAR \
  --db-application "$DB_APP" ${SERVER2_PID:+--more-server-pids $SERVER2_PID} \
  --repeat "$REPEAT" ${SUOJA_BENCH_ARGS:-} || STATUS=$?
if [ -z "$EXTERNAL_BROKER" ]; then
  # Mosquitto drops QoS 1 messages for a client whose queue is full (max_queued_messages, 1000 by default).
  echo "Broker: $(grep -ci 'dropped' "$WORK/mosquitto.log" || true) notices of dropped outgoing messages in $WORK/mosquitto.log"
fi
exit "${STATUS:-0}"
