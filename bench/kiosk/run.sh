#!/bin/sh
# The kiosk in headless Chromium: time from a tap to the next screen, p50/p95, with 1 and 50 kiosks
# at once, against a bare page of the same UI server whose tap swaps the screen after one fetch.
# Prints ratios kiosk/baseline. Needs Debian's chromium and chromium-driver (/usr/bin/chromium,
# /usr/bin/chromedriver; apt-get install -y chromium chromium-driver); nothing is downloaded.
# Usage: bench/kiosk/run.sh [loops with one kiosk=10] [kiosks at once=50] [loops per kiosk then=2]
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
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" fi.suoja.bench.kiosk.KioskBenchmark "$@"
