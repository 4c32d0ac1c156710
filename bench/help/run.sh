#!/bin/sh
# A kiosk's help tap (its API call) to the alert on the staff desks: p50/p95 to the call's item in
# each desk's page (headless Chromium on kiosk-ui's /staff) and to the server's event stream,
# against the tap's own round trip in the same run. Needs Debian's chromium and chromium-driver.
# Usage: bench/help/run.sh [calls=100] [desks=3]
# Builds what it needs first (see bench/browser.sh).
exec "$(dirname "$0")/../browser.sh" fi.suoja.bench.help.HelpBenchmark "$@"
