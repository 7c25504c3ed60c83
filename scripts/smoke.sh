#!/bin/bash
# Smoke test: runs the built netlab binary ("netlab test": up, checks, down) on every topology in topologies/,
# the way a Linux CI runner would, and proves nothing is left behind afterwards.
#
#   sudo scripts/smoke.sh [topology.yaml...]
#
# NETLAB=path/to/netlab picks the binary (default: scripts/netlab, which runs target/netlab.jar).
# Results go to target/smoke/ as JUnit XML. A topology that needs a kernel feature this machine lacks is
# reported as skipped (exit code 3 from netlab, "lacks what lab ... needs"); it runs in the UML lane instead.
set -uo pipefail
cd "$(dirname "$0")/.."
NETLAB=${NETLAB:-scripts/netlab}
out=target/smoke
mkdir -p "$out"
if [ "$NETLAB" = scripts/netlab ] && [ -f target/netlab.jar ]; then
  # the binary as installed: with the start-up aids install.sh makes for its jar (class-data archive, jffi's stub)
  scripts/make-cds.sh target/netlab.jar >/dev/null || echo "smoke: no class-data archive (see above); testing without it"
  scripts/unpack-native.sh target/netlab.jar >/dev/null
fi
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(topologies/*.yaml)
pass=0 fail=0 skip=0
failed=()
for f in "${files[@]}"; do
  name=$(basename "$f" .yaml)
  lab="smoke-$name"
  start=$(date +%s.%N)
  "$NETLAB" --no-color test --name "$lab" --junit "$out/$name.xml" "$f" >"$out/$name.out" 2>"$out/$name.err"
  rc=$?
  took=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
  if [ $rc = 0 ]; then
    pass=$((pass + 1)); echo "ok    $f (${took}s)"
  elif [ $rc = 3 ] && grep -q "lacks what lab" "$out/$name.err"; then
    skip=$((skip + 1)); echo "skip  $f: $(grep -o 'lacks what lab.*' "$out/$name.err" | head -c 200)"
  else
    fail=$((fail + 1)); failed+=("$f"); echo "FAIL  $f (exit $rc, ${took}s)"
    sed 's/^/      /' "$out/$name.out" "$out/$name.err" | tail -25
  fi
  left=$(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^netlab\.$lab(\.|$)" || true)
  if [ -n "$left" ]; then
    fail=$((fail + 1)); failed+=("$f (leftovers)"); echo "FAIL  $f left namespaces behind: $left"
  fi
  leftc=$(docker ps -aq --filter "label=netlab.lab=$lab" 2>/dev/null || true)
  if [ -n "$leftc" ]; then
    fail=$((fail + 1)); failed+=("$f (containers)"); echo "FAIL  $f left containers behind: $leftc"
  fi
done
echo "smoke: $pass passed, $fail failed, $skip skipped (need a kernel feature this machine lacks)"
[ $fail = 0 ]
