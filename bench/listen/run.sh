#!/bin/sh
# The kiosk's Listen control in headless Chromium: time from the tap to the first sound, warm cache
# and cold (SUOJA_SPEECH_CACHE_MB=0), against the same browser playing a clip it has already loaded.
# Needs Debian's chromium, chromium-driver and espeak-ng (apt-get install -y chromium chromium-driver
# espeak-ng); nothing is downloaded.
# Usage: bench/listen/run.sh [taps per kind=30]
# Builds what it needs first (see bench/browser.sh).
exec "$(dirname "$0")/../browser.sh" fi.suoja.bench.kiosk.ListenBenchmark "$@"
