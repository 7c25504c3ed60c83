#!/bin/bash
# The whole test suite: unit tests, integration tests (real labs; root), the smoke test of the built binary
# on every example topology, the UML lane for kernel features this machine lacks, and the quick variants of the
# reliability scripts (bad input, host untouched, concurrency, crash safety, soak).
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
# The reliability scripts' quick variants (README, "Reliability"): each prints its figures and fails when a target
# is missed. All of them run even when one fails, so a report shows every figure.
echo "== reliability (quick variants)"
reliability=("bad-input.sh --quick")
if [ "$(id -u)" = 0 ]; then
  no_docker=; docker info >/dev/null 2>&1 || no_docker=--no-docker
  reliability+=("host-untouched.sh" "concurrency.sh --quick" "crash-test.sh --quick $no_docker" "soak.sh --quick --strict $no_docker")
else
  echo "skip: crash-test, host-untouched, concurrency and soak need root"
fi
failed=()
for r in "${reliability[@]}"; do
  echo "== scripts/$r"
  # shellcheck disable=SC2086
  scripts/$r || failed+=("$r")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "reliability: failed: ${failed[*]}"
  exit 1
fi
