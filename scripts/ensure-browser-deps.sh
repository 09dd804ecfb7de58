#!/usr/bin/env bash
# Chromium (Debian's package, never a browser download) and axe-core (npm) for the browser test.
# Where they cannot be installed, the browser test skips and says why.
set -u
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian chromium for the browser test..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; the browser test will be skipped"
  else
    echo "note: /usr/bin/chromium is missing and cannot be installed here; the browser test will be skipped"
  fi
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null; then
    npm install --silent --no-audit --no-fund --no-save axe-core@4 >/dev/null 2>&1 \
      || echo "warning: could not install axe-core; the accessibility check will be skipped"
  else
    echo "note: npm is missing; the accessibility check will be skipped"
  fi
fi
exit 0
