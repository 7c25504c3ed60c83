#!/bin/bash
# The whole test suite: unit tests, integration tests (real labs; root), the smoke test of the built binary
# on every example topology, and the UML lane for kernel features this machine lacks.
#
#   sudo scripts/test.sh
#
# Tests that need something missing (root, Docker, the UML kernel) are skipped with the reason printed.
set -euo pipefail
cd "$(dirname "$0")/.."
if docker info >/dev/null 2>&1; then
  echo "== netlab's container images (kept when built already)"
  scripts/build-images.sh
fi
echo "== unit and integration tests (mvn verify; the UML lane runs in it as it/UmlLabsIT)"
mvn -B verify
echo "== smoke test of the built binary on every topology"
scripts/smoke.sh
