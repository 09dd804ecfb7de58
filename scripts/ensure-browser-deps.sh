#!/usr/bin/env bash
# Chromium (Debian's package, never a browser download) and axe-core (npm) for the browser test.
# Where they cannot be installed, the browser test skips and says why; under CI=true that is an
# error instead: this script exits non-zero, and so would the test (tests/support/browser.py).
set -u
chromium="${KANAALWIJZER_CHROMIUM:-/usr/bin/chromium}"
axe=node_modules/axe-core/axe.min.js
case "$(printf %s "${CI:-}" | tr '[:upper:]' '[:lower:]')" in true|1|yes) under_ci=1 ;; *) under_ci=0 ;; esac
missing=()

if [ ! -x "$chromium" ]; then
  if [ "$chromium" != /usr/bin/chromium ]; then
    echo "note: KANAALWIJZER_CHROMIUM=$chromium is missing (Debian's package would go to /usr/bin/chromium)"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian chromium for the browser test..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium"
  else
    echo "note: $chromium is missing and cannot be installed here (needs root and apt-get)"
  fi
  [ -x "$chromium" ] || missing+=("chromium ($chromium)")
fi

if [ ! -f "$axe" ]; then
  if command -v npm >/dev/null; then
    npm install --silent --no-audit --no-fund --no-save axe-core@4 >/dev/null 2>&1 \
      || echo "warning: could not install axe-core"
  else
    echo "note: npm is missing, so axe-core cannot be installed"
  fi
  [ -f "$axe" ] || missing+=("axe-core ($axe)")
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$under_ci" = 1 ]; then
    echo "error: CI=true and the browser test cannot run without: ${missing[*]}" >&2
    exit 1
  fi
  echo "note: the browser test will be skipped (missing: ${missing[*]})"
fi
exit 0
