#!/bin/bash
# Crash safety: `netlab up` is killed at random moments, over every example lab (namespace and Docker ones).
#  - SIGKILL trials: after each kill, `netlab down` must succeed and leave nothing: no namespace, container,
#    state file, process (of the killed netlab's session, or inside the lab's namespaces), and no change to the
#    host's links, addresses, routes, rules, firewall or sysctls; then a new `up` of the same lab must succeed
#    (and its `down` leave nothing).
#  - SIGINT trials (Ctrl-C): `up` must exit 130 having removed everything itself (no `down` needed), or exit 0
#    when it had finished before the signal landed; then the same checks.
# The moment is random: mostly a delay after `up` says "building lab" (within the lab's measured build time),
# sometimes a delay from the start of the process (JVM start, validation, locking).
#
#   sudo scripts/crash-test.sh [--quick] [--kills N] [--interrupts N] [--seed S] [--no-docker] [topology.yaml...]
#
# Default 100 kills and 30 interrupts (--quick: 50 and 10). Labs needing a kernel feature this machine lacks are
# skipped; Docker labs are required (the target covers them) unless --no-docker. Prints one line per trial and
# the figures; exit 1 when any trial left something behind or a step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/leftovers.sh
. scripts/lib/host-snapshot.sh
NETLAB=$(readlink -f "$(command -v "${NETLAB:-scripts/netlab}")")
kills=100 interrupts=30 seed=$(( $(date +%s) % 32768 )) need_docker=1 files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) kills=50 interrupts=10 ;;
    --kills) kills=$2; shift ;;
    --interrupts) interrupts=$2; shift ;;
    --seed) seed=$2; shift ;;
    --no-docker) need_docker=0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "crash-test.sh: unknown option $1" >&2; exit 2 ;;
    *) files+=("$1") ;;
  esac
  shift
done
[ ${#files[@]} -gt 0 ] || files=(topologies/*.yaml)
[ "$(id -u)" = 0 ] || { echo "crash-test.sh: needs root (it builds labs)" >&2; exit 3; }
RANDOM=$seed
run=$(( $$ % 10000 ))
work=$(mktemp -d /tmp/netlab-crash.XXXXXX)
state=$work/state
lab=
# interrupted or failing half-way: take down the lab of the trial in progress, then remove the work files
trap '[ -z "$lab" ] || nl down "$lab" >/dev/null 2>&1; nl down --all >/dev/null 2>&1; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
nl() { "$NETLAB" --no-color --state-dir "$state" "$@"; }
now() { date +%s.%N; }
ms() { printf '%.0f' "$(echo "($2 - $1) * 1000" | bc)"; }
failures=0
fail() { failures=$((failures + 1)); echo "FAIL  $*"; }

# --- calibration: one normal up and down of each lab, to know how long its build takes
echo "== calibrating (seed $seed): one up and down of each lab"
labs=() lab_files=() build_ms=() wall_ms=() docker_labs=0
for f in "${files[@]}"; do
  stem=$(basename "$f" .yaml)
  lab="cal$run-${stem:0:20}"
  t0=$(now); nl up --name "$lab" "$f" >"$work/cal.out" 2>"$work/cal.err"; rc=$?; t1=$(now)
  nl down "$lab" >/dev/null 2>&1
  if [ $rc = 3 ] && grep -q "lacks what lab\|cannot be built here\|Docker" "$work/cal.err"; then
    echo "skip  $stem: $(grep -o 'netlab: .*' "$work/cal.err" | head -1 | cut -c1-160)"
    grep -qE 'kind: *(container|pod)' "$f" && [ $need_docker = 1 ] && fail "$stem needs Docker, which is not usable here (--no-docker to accept)"
    continue
  elif [ $rc != 0 ]; then
    fail "calibration of $stem: up exited $rc"; tail -5 "$work/cal.err" | sed 's/^/      /'; continue
  fi
  took=$(grep -o 'is up: .*(\([0-9.]*\) s)' "$work/cal.err" | grep -o '([0-9.]* s)' | tr -d '(s) ')
  labs+=("$stem"); lab_files+=("$f"); build_ms+=("$(printf '%.0f' "$(echo "$took * 1000" | bc)")"); wall_ms+=("$(ms "$t0" "$t1")")
  grep -qE 'kind: *(container|pod)' "$f" && docker_labs=$((docker_labs + 1))
  echo "   $stem: build $(echo "$took * 1000" | bc | cut -d. -f1) ms, whole up $(ms "$t0" "$t1") ms"
done
[ ${#labs[@]} -gt 0 ] || { echo "crash-test: no lab can run here"; exit 1; }

# --- what a trial checks once the lab should be gone
# $1 lab, $2 session id of the netlab that was signalled, $3 inode numbers of its namespaces, $4 what happened
check_clean() {
  local lab=$1 sid=$2 inodes=$3 when=$4 left= i
  # orphans of the killed netlab may still be finishing: give them a moment before counting them
  for i in $(seq 1 40); do [ -z "$(session_processes "$sid" | grep -v '<defunct>')" ] && break; sleep 0.05; done
  [ -z "$(lab_namespaces "$lab")" ] || left+=" namespaces: $(lab_namespaces "$lab" | tr '\n' ' ');"
  [ -z "$(lab_containers "$lab")" ] || left+=" containers: $(lab_containers "$lab" | tr '\n' ' ');"
  [ -z "$(state_files "$state")" ] || left+=" state files: $(state_files "$state" | sed "s|$state/||" | tr '\n' ' ');"
  # the throw-away namespace in which the signalled netlab probed kernel features, named after its pid
  [ ! -e "/run/netns/netlab-probe-$sid" ] || left+=" its feature-probe namespace netlab-probe-$sid;"
  # zombies are left out: they run nothing, and their reaper (PID 1 of this machine) takes its time
  [ -z "$(session_processes "$sid" | grep -v '<defunct>')" ] || left+=" processes of the netlab session: $(session_processes "$sid" | tr '\n' ';');"
  # shellcheck disable=SC2086
  [ -z "$(processes_in_namespaces $inodes)" ] || left+=" processes in the lab's namespaces: $(processes_in_namespaces $inodes | tr '\n' ';');"
  host_snapshot > "$work/host.after"
  diff -q "$work/host.before" "$work/host.after" >/dev/null || left+=" host changed: $(diff "$work/host.before" "$work/host.after" | grep '^[<>]' | head -3 | tr '\n' ';')"
  if [ -n "$left" ]; then
    fail "$lab $when left:$left"
    # remove what is ours (the names are this run's alone) so the next trial starts clean
    nl down "$lab" >/dev/null 2>&1
    for c in $(lab_containers "$lab"); do docker rm -f "$c" >/dev/null 2>&1; done
    for ns in $(lab_namespaces "$lab"); do ip netns del "$ns"; done
    rm -rf "$state"
    return 1
  fi
}

# The stage the build had reached: the last progress line netlab printed.
stage_of() {
  local last
  last=$(grep -E '^(building lab|  [a-z]+ |lab .* is up)' "$1" | tail -n 1)
  case "$last" in
    "") echo "start" ;;
    "building lab"*) echo "record" ;;
    "lab "*) echo "done" ;;
    *) echo "$last" | awk '{print $1}' ;;
  esac
}

declare -A stages=() left_by_kill=()
trial=0 total=$((kills + interrupts)) ok_trials=0 completed=0
t_start=$(now)
echo "== $kills SIGKILL and $interrupts SIGINT trials over ${#labs[@]} labs ($docker_labs with containers)"
for ((trial = 1; trial <= total; trial++)); do
  sig=KILL; [ $trial -gt $kills ] && sig=INT
  k=$(( (trial - 1) % ${#labs[@]} ))
  stem=${labs[$k]} f=${lab_files[$k]}
  lab="c$run-$trial-${stem:0:20}"
  host_snapshot > "$work/host.before"
  # its own session (to find its orphans later); SIGINT back to default, as a shell leaves it ignored in background jobs
  setsid env --default-signal=INT "$NETLAB" --no-color --state-dir "$state" up --name "$lab" "$f" >"$work/up.out" 2>"$work/up.err" &
  pid=$!
  if [ $((RANDOM % 5)) = 0 ]; then
    delay=$(( RANDOM % (${wall_ms[$k]} * 11 / 10 + 1) )); from="start"
  else
    # wait for the build to begin (the JVM is up, the topology valid, the lock taken)
    for i in $(seq 1 3000); do grep -q 'building lab' "$work/up.err" 2>/dev/null && break; kill -0 $pid 2>/dev/null || break; sleep 0.002; done
    delay=$(( RANDOM % (${build_ms[$k]} + 20) )); from="build"
  fi
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -"$sig" $pid 2>/dev/null
  if [ $sig = KILL ]; then
    wait $pid 2>/dev/null
    stage=$(stage_of "$work/up.err")
    inodes=$(namespace_inodes "$lab" | tr '\n' ' ')
    found="$(lab_namespaces "$lab" | wc -l) ns, $(lab_containers "$lab" | wc -l) containers"
    [ "$found" = "0 ns, 0 containers" ] || left_by_kill[$stage]=$(( ${left_by_kill[$stage]:-0} + 1 ))
    nl down "$lab" >"$work/down.out" 2>"$work/down.err"; rc=$?
    [ $rc = 0 ] || { fail "$lab: down after the kill exited $rc: $(tail -n 2 "$work/down.err" | tr '\n' ' ')"; }
    outcome="killed in '$stage' after ${delay} ms from $from (left $found); down exit $rc"
  else
    inodes=$(namespace_inodes "$lab" | tr '\n' ' ')
    for i in $(seq 1 600); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
    if kill -0 $pid 2>/dev/null; then fail "$lab: up still running 60 s after SIGINT"; kill -KILL $pid; fi
    wait $pid 2>/dev/null; rc=$?
    stage=$(stage_of "$work/up.err")
    inodes="$inodes $(namespace_inodes "$lab" | tr '\n' ' ')"
    if [ $rc = 0 ]; then
      completed=$((completed + 1))
      # a Ctrl-C after the last safe point leaves the finished lab, and netlab must say so
      if grep -q "interrupted; stopping" "$work/up.err" && ! grep -q "the interrupt came after the command had finished" "$work/up.err"; then
        fail "$lab: SIGINT was handled, up went on and exited 0 without saying so:"; sed "s/^/      /" "$work/up.err"
      fi
      nl down "$lab" >/dev/null 2>"$work/down.err" || fail "$lab: down after a completed up failed"
      outcome="SIGINT after ${delay} ms from $from landed after the build finished; down"
    elif [ $rc = 130 ]; then
      outcome="SIGINT after ${delay} ms from $from in '$stage': exit 130, rolled back by itself"
    else
      fail "$lab: up exited $rc after SIGINT (expected 130): $(grep -v '^  ' "$work/up.err" | tail -n 3 | tr '\n' ' ')"
      outcome="SIGINT: exit $rc"
      nl down "$lab" >/dev/null 2>&1
    fi
  fi
  stages[$sig:$stage]=$(( ${stages[$sig:$stage]:-0} + 1 ))
  clean=1
  check_clean "$lab" "$pid" "$inodes" "after the $sig" || clean=0
  if [ $clean = 1 ]; then
    # the same lab must build again, and go away again
    host_snapshot > "$work/host.before"
    setsid "$NETLAB" --no-color --state-dir "$state" up --name "$lab" "$f" >"$work/re.out" 2>"$work/re.err"; rc_re=$?
    inodes=$(namespace_inodes "$lab" | tr '\n' ' ')
    nl down "$lab" >/dev/null 2>"$work/re-down.err"; rc_re_down=$?
    if [ $rc_re != 0 ] || [ $rc_re_down != 0 ]; then
      fail "$lab: the new up exited $rc_re, its down $rc_re_down: $(tail -n 3 "$work/re.err" "$work/re-down.err" | tr '\n' ' ')"
      clean=0
    fi
    check_clean "$lab" "$$" "$inodes" "after the new up and down" || clean=0
  fi
  [ $clean = 1 ] && ok_trials=$((ok_trials + 1))
  printf '%4d %-4s %-10s %s%s\n' $trial $sig "$stem" "$outcome" "$([ $clean = 1 ] && echo '; clean; new up ok')"
done
took=$(printf '%.0f' "$(echo "$(now) - $t_start" | bc)")

# Something made after its trial was judged (by a process still running then) would show up only now.
late_ns=$(ls /run/netns 2>/dev/null | grep -E "^netlab\.(c|cal)$run-" | tr '\n' ' ')
late_c=$(docker ps -a --filter label=netlab.lab --format '{{.Label "netlab.lab"}}' 2>/dev/null | grep -E "^(c|cal)$run-" | sort -u | tr '\n' ' ')
[ -z "$late_ns" ] || fail "namespaces of this run appeared after their trials ended: $late_ns"
[ -z "$late_c" ] || fail "containers of this run appeared after their trials ended: $late_c"

echo "== where the signals landed (stage: count; for SIGKILL, how many of them left objects for down to remove)"
for key in $(printf '%s\n' "${!stages[@]}" | sort); do
  s=${key#*:}
  extra=; [ "${key%%:*}" = KILL ] && extra=" (left objects: ${left_by_kill[$s]:-0})"
  printf '   %-18s %3d%s\n' "$key" "${stages[$key]}" "$extra"
done
echo "crash-test: $ok_trials of $total trials clean ($kills SIGKILL, $interrupts SIGINT, $completed SIGINTs after the build had finished)" \
  "over ${#labs[@]} labs, $docker_labs with containers; $failures failure(s); ${took} s; seed $seed"
[ $failures = 0 ] && [ $ok_trials = $total ]
