#!/bin/sh
# What the browser benchmarks' run.sh share: builds kiosk-server's and kiosk-ui's jars if missing and
# the benchmarks (bench/pom.xml) when their sources changed, then runs the main class given first
# with the rest of the arguments, Selenium offline (Debian's chromium and chromium-driver, nothing fetched).
# Usage: bench/browser.sh <main class> [arguments…]
set -e
cd "$(dirname "$0")/.."
if [ ! -f kiosk-server/target/kiosk-server.jar ] || [ ! -f kiosk-ui/target/kiosk-ui.jar ]; then
  ./mvnw -q -pl kiosk-server,kiosk-ui -am package -DskipTests
fi
if [ ! -d bench/target/lib ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/lib -print -quit)" ]; then
  ./mvnw -q -f bench/pom.xml package
  touch bench/target/lib
fi
# Selenium Manager must never fetch a browser or a driver
export SE_OFFLINE=true
main=$1
shift
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" "$main" "$@"
