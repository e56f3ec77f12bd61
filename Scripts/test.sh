#!/usr/bin/env bash
# Runs every test of kgraph after installing what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"
