#!/usr/bin/env bash
# The project's checks: lint, types, then every test (pass -m "not slow" for the quick loop).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check src tests bench
.venv/bin/ruff format --check src tests bench
.venv/bin/mypy
.venv/bin/pytest "$@"
