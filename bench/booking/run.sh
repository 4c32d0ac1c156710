#!/bin/sh
# Booking creation through kiosk-server's HTTP API against raw JDBC inserts of the same rows, at
# 1, 16 and 64 concurrent clients, on this machine's PostgreSQL (127.0.0.1:5432, database test,
# user postgres, trust; override with SUOJA_BENCH_PG_URL / _USER / _PASSWORD) in a schema
# bench_booking that it makes empty first and drops at the end. Prints ratios API/JDBC, and the CPU a
# booking of the clients, the server and the rest. It warms the server up until its JIT has settled
# (about 100 s here), then runs each level in five turns of each way.
# Usage: bench/booking/run.sh [bookings per level=1500] [levels=1,16,64]
#        bench/booking/run.sh h2 [bookings per level=600] [levels=1,16]
#   h2: the one-library box's H2 file instead: kiosk-server with WRITE_DELAY=0 (durable commits, what the
#   server enforces) against H2's old default of 500 ms, and bare JDBC inserts with each, ratios of one run.
# Builds kiosk-server's jar if it is missing, and the benchmarks (bench/pom.xml) when their sources changed.
set -e
cd "$(dirname "$0")/../.."
if [ ! -f kiosk-server/target/kiosk-server.jar ]; then
  ./mvnw -q -pl kiosk-server -am package -DskipTests
fi
if [ ! -d bench/target/lib ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/lib -print -quit)" ]; then
  ./mvnw -q -f bench/pom.xml package
  touch bench/target/lib
fi
main=fi.suoja.bench.booking.BookingBenchmark
if [ "$1" = h2 ]; then
  main=fi.suoja.bench.booking.H2DurabilityBenchmark
  shift
fi
exec java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" "$main" "$@"
