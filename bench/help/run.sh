#!/bin/sh
# A kiosk's help tap (its API call) to the alert on the staff desks: p50/p95 to the call's item in
# each desk's page (headless Chromium on kiosk-ui's /staff) and to the server's event stream,
# against the tap's own round trip in the same run. Needs Debian's chromium and chromium-driver.
# Usage: bench/help/run.sh [calls=100] [desks=3]
# Builds kiosk-server's and kiosk-ui's jars if missing, and the benchmarks (bench/pom.xml) when their sources changed.
set -e
cd "$(dirname "$0")/../.."
if [ ! -f kiosk-server/target/kiosk-server.jar ] || [ ! -f kiosk-ui/target/kiosk-ui.jar ]; then
  ./mvnw -q -pl kiosk-server,kiosk-ui -am package -DskipTests
fi
if [ ! -d bench/target/lib ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/lib -print -quit)" ]; then
  ./mvnw -q -f bench/pom.xml package
  touch bench/target/lib
fi
# Selenium Manager must never fetch a browser or a driver
export SE_OFFLINE=true
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" fi.suoja.bench.help.HelpBenchmark "$@"
