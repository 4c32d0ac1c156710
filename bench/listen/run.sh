#!/bin/sh
# The kiosk's Listen control in headless Chromium: time from the tap to the first sound, warm cache
# and cold (SUOJA_SPEECH_CACHE_MB=0), against the same browser playing a clip it has already loaded.
# Needs Debian's chromium, chromium-driver and espeak-ng (apt-get install -y chromium chromium-driver
# espeak-ng); nothing is downloaded.
# Usage: bench/listen/run.sh [taps per kind=30]
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
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" fi.suoja.bench.kiosk.ListenBenchmark "$@"
