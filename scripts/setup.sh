#!/usr/bin/env bash
# Set up a fresh machine for warwire: system packages the integration tests use
# (PostgreSQL, Chromium; only as root with apt, skip with WARWIRE_NO_APT=1),
# a .venv with the pinned Python packages (and the ray extra, so CI runs the
# Ray engine's test), the dashboard's vendor assets from npm, and the gazetteer index.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${WARWIRE_NO_APT:-}" ]; then
  missing=()
  for pkg in postgresql chromium chromium-driver; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]} (apt)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev,ray]'

if [ -x scripts/web_assets.sh ]; then
  if command -v npm >/dev/null; then
    scripts/web_assets.sh
  else
    echo "setup: npm not found; the dashboard will lack its map assets" >&2
  fi
fi

.venv/bin/python -m warwire.resolve.gazetteer --build
echo "setup: done; try  .venv/bin/warwire extract examples/" >&2
