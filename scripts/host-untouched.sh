#!/bin/bash
# Host untouched: for every example lab, the host's root network namespace (links, addresses, routes, rules,
# iptables, nftables, net.* sysctls; see scripts/lib/host-snapshot.sh for the few things blanked and why) is
# byte-identical before `up` and after `down`, with the lab's checks run in between. `netlab doctor` (which
# probes kernel features in a throw-away namespace) is held to the same.
#
#   sudo scripts/host-untouched.sh [topology.yaml...]      (default: topologies/*.yaml)
#
# A difference is shown as a diff. Other people's work on this machine could change the host at the same
# moment, so the lab is run again: a change that comes back, or that stays, fails; one that neither comes back
# nor stays (the host returned to its first state) is reported as a warning. Exit 1 when the host was changed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/host-snapshot.sh
NETLAB=$(readlink -f "$(command -v "${NETLAB:-scripts/netlab}")")
[ "$(id -u)" = 0 ] || { echo "host-untouched.sh: needs root (it builds labs)" >&2; exit 3; }
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(topologies/*.yaml)
work=$(mktemp -d /tmp/netlab-host.XXXXXX)
state=$work/state
trap 'rm -rf "$work"' EXIT
run=$$
failed=0 warned=0 passed=0 skipped=0

now() { date +%s.%N; }
secs() { printf '%.1f' "$(echo "$2 - $1" | bc)"; }

# One pass over a lab: snapshot, up, check, down, snapshot. Sets step_report; the snapshots go to $1.before/.after.
one_pass() {
  local f=$1 out=$2 lab=$3 t0 t1 t2 t3 rc_up rc_check=- rc_down=-
  host_snapshot > "$out.before"
  t0=$(now)
  "$NETLAB" --no-color --state-dir "$state" up --name "$lab" "$f" >"$out.up" 2>&1; rc_up=$?
  t1=$(now); t2=$t1
  if [ $rc_up = 0 ]; then
    "$NETLAB" --no-color --state-dir "$state" check "$lab" >"$out.check" 2>&1; rc_check=$?
    t2=$(now)
  fi
  # down even after a failed up: a refused or rolled-back lab must have left nothing either
  "$NETLAB" --no-color --state-dir "$state" down "$lab" >"$out.down" 2>&1; rc_down=$?
  t3=$(now)
  host_snapshot > "$out.after"
  step_report="up exit $rc_up $(secs "$t0" "$t1") s, check exit $rc_check $(secs "$t1" "$t2") s, down exit $rc_down $(secs "$t2" "$t3") s"
  step_skip=0
  [ $rc_up = 3 ] && grep -q "lacks what lab\|cannot be built here" "$out.up" && step_skip=1
  step_ok=1
  [ $rc_down = 0 ] || step_ok=0
  [ $rc_up = 0 ] || [ $step_skip = 1 ] || step_ok=0
}

judge() {
  local name=$1 f=$2 lab=$3
  local out=$work/$name
  one_pass "$f" "$out.1" "$lab"
  local lines; lines=$(wc -l < "$out.1.before")
  if [ $step_ok = 0 ]; then
    failed=$((failed + 1)); echo "FAIL  $name: netlab failed ($step_report)"
    tail -n 5 "$out.1.up" "$out.1.down" | sed 's/^/      /'
  fi
  if diff -q "$out.1.before" "$out.1.after" >/dev/null; then
    if [ $step_skip = 1 ]; then
      skipped=$((skipped + 1)); echo "skip  $name: $(grep -o 'lacks what lab.*\|cannot be built here.*' "$out.1.up" | head -c 150) (host unchanged by the refusal)"
    else
      [ $step_ok = 1 ] && passed=$((passed + 1)) && echo "ok    $name: host unchanged ($lines lines compared; $step_report)"
    fi
    return
  fi
  echo "DIFF  $name changed the host ($step_report):"
  diff "$out.1.before" "$out.1.after" | head -40 | sed 's/^/      /'
  echo "      (running $name again to tell its change from someone else's)"
  one_pass "$f" "$out.2" "$lab-again"
  if ! diff -q "$out.2.before" "$out.2.after" >/dev/null; then
    failed=$((failed + 1)); echo "FAIL  $name changed the host again on the second run:"
    diff "$out.2.before" "$out.2.after" | head -20 | sed 's/^/      /'
  elif ! diff -q "$out.1.before" "$out.2.after" >/dev/null; then
    failed=$((failed + 1)); echo "FAIL  $name: the change stayed (the host did not return to its state before the first run)"
  else
    warned=$((warned + 1)); echo "WARN  $name: the change neither came back nor stayed: most likely someone else's activity"
  fi
}

# netlab doctor probes features in a throw-away namespace: it must leave the host as it found it too
doctor_pass() {
  local out=$work/doctor
  host_snapshot > "$out.before"
  "$NETLAB" --no-color doctor >"$out.log" 2>&1
  host_snapshot > "$out.after"
  if diff -q "$out.before" "$out.after" >/dev/null; then
    passed=$((passed + 1)); echo "ok    netlab doctor: host unchanged"
  else
    failed=$((failed + 1)); echo "FAIL  netlab doctor changed the host:"; diff "$out.before" "$out.after" | head -20 | sed 's/^/      /'
  fi
}

host_snapshot > "$work/start"
start=$(now)
doctor_pass
for f in "${files[@]}"; do
  stem=$(basename "$f" .yaml)
  judge "$stem" "$f" "hu$run-$stem"
done
host_snapshot > "$work/end"
if ! diff -q "$work/start" "$work/end" >/dev/null; then
  failed=$((failed + 1)); echo "FAIL  the host differs between the start and the end of the whole run:"
  diff "$work/start" "$work/end" | head -20 | sed 's/^/      /'
fi
echo "host-untouched: $passed unchanged, $failed failed, $warned warnings, $skipped skipped (labs this machine cannot run)" \
  "in $(secs "$start" "$(now)") s; $(wc -l < "$work/start") lines of host state compared each time"
[ $failed = 0 ]
