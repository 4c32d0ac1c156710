#!/bin/sh
# Kiosk UI capacity: kiosks played over HTTP (Vaadin's UIDL requests, no browser) against one
# kiosk-ui, in steps of more kiosks until a tap's p95 is over 100 ms; per step tap p50/p95/p99
# against a static resource of the same server, kiosk-ui's CPU and memory per kiosk, the
# generator's own CPU, and one Chromium first kiosk page. See bench/uiload/README.md.
# Usage: bench/uiload/run.sh [kiosks per step=10,25,50,100,200,400,800] [seconds measured per step=20] [think ms=1000-3000] [stop after tap p95 over ms=100]
# Builds what it needs first (see bench/browser.sh).
exec "$(dirname "$0")/../browser.sh" fi.suoja.bench.kiosk.UiLoad "$@"
