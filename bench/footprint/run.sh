#!/bin/sh
# Footprint (issue 16, point 6): kiosk-server's start time and memory on H2 and on PostgreSQL, and the
# device agent's start time and memory with and without a class-data archive (AppCDS), against the
# JVM floor on the same JDK in the same rounds. Prints medians and ratios and the command to repeat.
#
# Usage: bench/footprint/run.sh [rounds=5]
#   SUOJA_BENCH_SECOND_JDK: a second JDK to compare (default /usr/lib/jvm/temurin-25-jdk-amd64 when
#   present; "none" for none). PostgreSQL at 127.0.0.1:5432 (trust, db test; SUOJA_BENCH_PG_URL,
#   _USER, _PASSWORD override): a fresh schema per round, dropped after it. A Mosquitto of its own
#   (/usr/sbin/mosquitto, a free port) for the agents. Logs stay in the /tmp/suoja-footprint.* it names.
# Builds what is missing: kiosk-server's and device-agent's jars, the benchmarks' shared classes
# (bench/pom.xml) and this benchmark's classes.
set -eu
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
SECOND_JDK=${SUOJA_BENCH_SECOND_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ "$SECOND_JDK" != none ] && [ ! -x "$SECOND_JDK/bin/java" ]; then
  [ -n "${SUOJA_BENCH_SECOND_JDK:-}" ] && { echo "no JDK at $SECOND_JDK" >&2; exit 1; }
  SECOND_JDK=none
fi
REPEAT="${SUOJA_BENCH_SECOND_JDK:+SUOJA_BENCH_SECOND_JDK=$SUOJA_BENCH_SECOND_JDK }bench/footprint/run.sh $ROUNDS"

if [ ! -f kiosk-server/target/kiosk-server.jar ] || [ ! -f device-agent/target/device-agent.jar ]; then
  ./mvnw -q -o -pl kiosk-server,device-agent -am package -DskipTests
fi
if [ ! -d bench/target/lib ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/lib -print -quit)" ]; then
  ./mvnw -q -o -f bench/pom.xml package
  touch bench/target/lib
fi
CLASSES=bench/footprint/target/classes
if [ ! -d "$CLASSES" ] || [ -n "$(find bench/footprint/src bench/target/classes -newer "$CLASSES" -print -quit)" ]; then
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  javac -d "$CLASSES" -cp "bench/target/classes:bench/target/lib/*" $(find bench/footprint/src -name '*.java')
fi
# The floor runs from a directory that holds nothing but its own class.
FLOOR=bench/footprint/target/floor
mkdir -p "$FLOOR/fi/suoja/bench/footprint"
cp "$CLASSES/fi/suoja/bench/footprint/Floor.class" "$FLOOR/fi/suoja/bench/footprint/"

JAVA=$(readlink -f "$(command -v java)")
MAIN_JDK=${JAVA%/bin/java}
WORK=$(mktemp -d /tmp/suoja-footprint.XXXXXX)
echo "Start: $(date -u '+%Y-%m-%d %H:%M UTC'),$(uptime | sed 's/.*,  *load/ load/')"
set -- --rounds "$ROUNDS" --server-jar kiosk-server/target/kiosk-server.jar --agent-jar device-agent/target/device-agent.jar \
  --launcher device-agent/src/main/dist/suoja-agent-launch --floor-classes "$FLOOR" --work "$WORK" --jdk "$MAIN_JDK" --repeat "$REPEAT"
if [ "$SECOND_JDK" != none ]; then
  set -- "$@" --jdk "$SECOND_JDK"
fi
STATUS=0
"$JAVA" -Xmx256m -cp "$CLASSES:bench/target/classes:bench/target/lib/*" fi.suoja.bench.footprint.FootprintBench "$@" || STATUS=$?
echo "End: $(date -u '+%Y-%m-%d %H:%M UTC'),$(uptime | sed 's/.*,  *load/ load/'); logs in $WORK"
exit "$STATUS"
