#!/bin/sh
# Issue 16 point 4, turnaround. (A) A loan laptop's return → READY with a verified wipe report, for a
# Chromium-like guest profile (about 20,000 files, 300 MB), against rm -rf of an identical tree plus a
# bare MQTT QoS 1 round trip; (B) a booking for now → its door code in the lock (simulated lock, and a
# Zigbee2MQTT lock on Mosquitto), against the MQTT round trip. Real processes: kiosk-server on this
# machine's PostgreSQL (127.0.0.1:5432, db test, user postgres; schemas bench_turnaround_z2m and
# bench_turnaround_sim, emptied first and dropped at the end), a Mosquitto of its own on a free port,
# the device-agent jar. Prints median/p95 and the ratios; stops by itself.
# Usage: bench/turnaround/run.sh [rounds=5] [files per profile=20000] [work dir=/tmp]
#   The work dir must be on the file system you mean to measure (ext4 here).
# Builds what is missing: kiosk-server's and device-agent's jars, and the benchmarks (bench/pom.xml).
set -e
cd "$(dirname "$0")/../.."
if [ ! -f kiosk-server/target/kiosk-server.jar ] || [ ! -f device-agent/target/device-agent.jar ]; then
  ./mvnw -q -o -pl kiosk-server,device-agent -am package -DskipTests
fi
if [ ! -d bench/target/lib ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/lib -print -quit)" ]; then
  ./mvnw -q -o -f bench/pom.xml package
  touch bench/target/lib
fi
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" fi.suoja.bench.turnaround.TurnaroundBenchmark "$@"
