#!/usr/bin/env bash
# Opens the Suoja kiosk full screen on the library's touchscreen PC, as the kiosk user's session
# starts (e.g. from ~/.config/autostart or a systemd user unit). Nothing is remembered between
# visitors: a fresh, throw-away browser profile each time, no password manager, no translation
# bar, no pinch zoom (the kiosk has its own larger-text button), no swipe back.
set -euo pipefail
URL="${SUOJA_KIOSK_URL:-http://localhost:8080/}"
PROFILE="$(mktemp -d /tmp/suoja-kiosk-profile.XXXXXX)"
trap 'rm -rf "$PROFILE"' EXIT
exec chromium \
  --kiosk "$URL" \
  --user-data-dir="$PROFILE" \
  --no-first-run --noerrdialogs --disable-infobars --disable-session-crashed-bubble \
  --disable-translate --disable-features=Translate,TranslateUI,PasswordManager \
  --password-store=basic --disable-sync --disable-pinch --overscroll-history-navigation=0 \
  --check-for-update-interval=31536000 --autoplay-policy=no-user-gesture-required
