#!/bin/bash
# Concurrency: netlab processes racing each other on one machine, as users and CI jobs run them. Each round:
#  1. two labs with identical node names and subnets (two copies of switch.yaml) come up at once, pass their
#     checks at once, go down at once;
#  2. two `up`s of the same lab start a random 0-150 ms apart: both succeed (the second waits for the lab's lock,
#     then finds nothing missing) and the lab is consistent (status: no drift; checks pass); then the same with
#     --no-wait, where the loser must refuse with "is busy" (exit 4) and change nothing;
#  3. `down` and `check` of one lab start a random -300..+300 ms apart: check passes whole (it held the lock first)
#     or says the lab is not up (exit 4); it never fails half-way; down succeeds.
# After every round nothing of its labs is left (namespaces, state files). Prints the outcomes counted.
#
#   sudo scripts/concurrency.sh [--quick] [--rounds N]      (default 20 rounds; --quick 5)
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/leftovers.sh
NETLAB=$(readlink -f "$(command -v "${NETLAB:-scripts/netlab}")")
rounds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) rounds=5 ;;
    --rounds) rounds=$2; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "concurrency.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "concurrency.sh: needs root (it builds labs)" >&2; exit 3; }
topo=topologies/switch.yaml
work=$(mktemp -d /tmp/netlab-conc.XXXXXX)
state=$work/state
run=$(( $$ % 10000 ))
# the state directory is this script's own: --all removes exactly the labs it made, even half-made ones
trap 'nl down --all >/dev/null 2>&1; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
nl() { "$NETLAB" --no-color --state-dir "$state" "$@"; }
failures=0
fail() { failures=$((failures + 1)); echo "FAIL  round $r: $*"; }
declare -A count=()
note() { count[$1]=$(( ${count[$1]:-0} + 1 )); }
pause_ms() { sleep "$(printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)))"; }
# starts "nl ARGS" in the background, output to $work/NAME.{out,err}; its pid in $last_pid
bg() { local name=$1; shift; nl "$@" >"$work/$name.out" 2>"$work/$name.err" & last_pid=$!; }

nothing_left() {
  local l
  for l in "$@"; do [ -z "$(lab_namespaces "$l")" ] || fail "lab $l left namespaces: $(lab_namespaces "$l" | tr '\n' ' ')"; done
  [ -z "$(state_files "$state")" ] || fail "state files left: $(state_files "$state" | sed "s|$state/||" | tr '\n' ' ')"
}

t0=$(date +%s)
for ((r = 1; r <= rounds; r++)); do
  # 1. two copies, same names and subnets, everything at once
  a="k$run-$r-a" b="k$run-$r-b"
  bg upA up --name "$a" "$topo"; pa=$last_pid; bg upB up --name "$b" "$topo"; pb=$last_pid
  wait $pa; ra=$?; wait $pb; rb=$?
  [ "$ra$rb" = 00 ] && note "1 both copies up" || fail "copies up: exit $ra and $rb: $(tail -n 2 "$work/upA.err" "$work/upB.err" | tr '\n' ' ')"
  bg chkA check "$a"; pa=$last_pid; bg chkB check "$b"; pb=$last_pid
  wait $pa; ra=$?; wait $pb; rb=$?
  [ "$ra$rb" = 00 ] && note "1 both copies pass their checks at once" || fail "copies' checks: exit $ra and $rb: $(grep FAIL "$work/chkA.out" "$work/chkB.out" | head -3 | tr '\n' ' ')"
  bg dnA down "$a"; pa=$last_pid; bg dnB down "$b"; pb=$last_pid
  wait $pa; ra=$?; wait $pb; rb=$?
  [ "$ra$rb" = 00 ] || fail "copies down: exit $ra and $rb"
  nothing_left "$a" "$b"

  # 2. two ups of one lab, a random moment apart; then with --no-wait
  l="k$run-$r-same"
  bg up1 up --name "$l" "$topo"; p1=$last_pid; pause_ms $((RANDOM % 150)); bg up2 up --name "$l" "$topo"; p2=$last_pid
  wait $p1; r1=$?; wait $p2; r2=$?
  if [ "$r1$r2" != 00 ]; then
    fail "two ups: exit $r1 and $r2: $(tail -n 2 "$work/up1.err" "$work/up2.err" | tr '\n' ' ')"
  else
    built=$(grep -l "is up: " "$work/up1.err" "$work/up2.err" | wc -l)
    already=$(grep -l "it was already; nothing was missing" "$work/up1.err" "$work/up2.err" | wc -l)
    [ "$built" = 1 ] && [ "$already" = 1 ] || fail "two ups: expected one build and one 'nothing was missing'; got: $(grep -h 'is up' "$work/up1.err" "$work/up2.err" | tr '\n' ' ')"
    grep -q "waiting for lab" "$work/up1.err" "$work/up2.err" && note "2 second up waited for the lock" || note "2 second up came after the first had finished"
  fi
  nl status "$l" >"$work/st.out" 2>&1 || fail "status after two ups: $(head -n 5 "$work/st.out" | tr '\n' ' ')"
  nl check "$l" >"$work/ck.out" 2>&1 || fail "checks after two ups: $(grep FAIL "$work/ck.out" | head -3 | tr '\n' ' ')"
  nl down "$l" >/dev/null 2>&1 || fail "down after two ups"
  nothing_left "$l"
  bg up1 up --no-wait --name "$l" "$topo"; p1=$last_pid; pause_ms $((RANDOM % 150)); bg up2 up --no-wait --name "$l" "$topo"; p2=$last_pid
  wait $p1; r1=$?; wait $p2; r2=$?
  case "$r1$r2" in
    00) note "2 --no-wait: no overlap, both up" ;;
    04|40)
      loser=$work/up2.err; [ "$r1" = 4 ] && loser=$work/up1.err
      if tail -n 1 "$loser" | grep -q "^netlab: lab '$l' is busy: another netlab\( (pid [0-9]*)\)\? is working on it$"; then note "2 --no-wait: the second refused, busy"
      else fail "--no-wait refusal unclear: $(tail -n 1 "$loser")"; fi ;;
    *) fail "--no-wait ups: exit $r1 and $r2: $(tail -n 2 "$work/up1.err" "$work/up2.err" | tr '\n' ' ')" ;;
  esac
  nl status "$l" >/dev/null 2>&1 || fail "status after --no-wait ups shows drift"
  nl down "$l" >/dev/null 2>&1 || fail "down after --no-wait ups"
  nothing_left "$l"

  # 3. down racing check
  l="k$run-$r-race"
  nl up --name "$l" "$topo" >/dev/null 2>"$work/up.err" || fail "up before the race: $(tail -n 2 "$work/up.err" | tr '\n' ' ')"
  offset=$(( RANDOM % 600 - 300 ))
  if [ $offset -ge 0 ]; then
    bg chk check "$l"; pc=$last_pid; pause_ms $offset; bg dn down "$l"; pd=$last_pid
  else
    bg dn down "$l"; pd=$last_pid; pause_ms $(( -offset )); bg chk check "$l"; pc=$last_pid
  fi
  wait $pc; rc=$?; wait $pd; rd=$?
  [ "$rd" = 0 ] || fail "down racing check: exit $rd: $(tail -n 2 "$work/dn.err" | tr '\n' ' ')"
  case "$rc" in
    0) note "3 check passed whole (down waited for it)" ;;
    4) if grep -q "lab '$l' is not up" "$work/chk.err"; then note "3 check came after down: 'not up'"
       else fail "check exit 4 without 'not up': $(tail -n 1 "$work/chk.err")"; fi ;;
    *) fail "check racing down exited $rc: $(grep -h 'FAIL\|netlab:' "$work/chk.out" "$work/chk.err" | head -3 | tr '\n' ' ')" ;;
  esac
  nothing_left "$l"
    echo "   round $r done ($failures failure(s) so far)"
done
echo "== outcomes over $rounds rounds"
for k in "${!count[@]}"; do printf '   %-48s %3d\n' "$k" "${count[$k]}"; done | sort
echo "concurrency: $rounds rounds, $failures failure(s), $(( $(date +%s) - t0 )) s"
[ $failures = 0 ]
