#!/bin/sh
# The kiosk in headless Chromium: time from a tap to the next screen, p50/p95, with 1 and 50 kiosks
# at once, against a bare page of the same UI server whose tap swaps the screen after one fetch.
# Prints ratios kiosk/baseline. Needs Debian's chromium and chromium-driver (/usr/bin/chromium,
# /usr/bin/chromedriver; apt-get install -y chromium chromium-driver); nothing is downloaded.
# Usage: bench/kiosk/run.sh [loops with one kiosk=10] [kiosks at once=50] [loops per kiosk then=2]
# Builds what it needs first (see bench/browser.sh).
exec "$(dirname "$0")/../browser.sh" fi.suoja.bench.kiosk.KioskBenchmark "$@"
