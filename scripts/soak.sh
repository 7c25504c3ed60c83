#!/bin/bash
# Soak: many up / check / down cycles of a mixed lab (scripts/lib/soak-lab.yaml: namespace hosts, a router,
# switches and a hub, a point-to-point link, a container and a pod; checks that run ping, tcpdump, commands in
# containers). Every N cycles it prints what the machine holds; nothing may grow.
#
#   sudo scripts/soak.sh [--quick] [--cycles N] [--every K] [--strict] [--no-docker]
#                        (default 100 cycles, figures every 10; --quick: 20 cycles, every 5)
# Counted, and required to be back to zero (or to their start) after every cycle, because only netlab makes them:
#   the lab's namespaces and their mounts, its containers, state files, processes left by the netlab commands
#   (each runs in a session of its own, which its children keep), the host's interfaces.
# Counted machine-wide, and required not to climb (a rise must last: the lowest value of the last third of the run
# may not exceed the highest of the first third by more than a margin): network namespaces in use, processes,
# open files (/proc/sys/fs/file-nr), the host's conntrack entries, the Docker engine's open files. Other people's
# labs and builds move these too, so a climb is a warning, and a failure only with --strict (for a machine where
# the soak runs alone, as in CI).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/leftovers.sh
NETLAB=$(readlink -f "$(command -v "${NETLAB:-scripts/netlab}")")
cycles=100 every=10 docker=1 strict=0 warnings=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) cycles=20 every=5 ;;
    --cycles) cycles=$2; shift ;;
    --every) every=$2; shift ;;
    --no-docker) docker=0 ;;
    --strict) strict=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "soak.sh: needs root (it builds labs)" >&2; exit 3; }
if [ $docker = 1 ] && ! docker info >/dev/null 2>&1; then
  echo "soak.sh: the Docker engine does not answer; the mixed lab has a container and a pod (--no-docker to leave them out)" >&2
  exit 3
fi
work=$(mktemp -d /tmp/netlab-soak.XXXXXX)
state=$work/state
lab="soak$(( $$ % 10000 ))"
if [ $docker = 1 ]; then cp scripts/lib/soak-lab.yaml "$work/lab.yaml"; else grep -v '# docker$' scripts/lib/soak-lab.yaml > "$work/lab.yaml"; fi
trap 'nl down --all >/dev/null 2>&1; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
sessions=" "
# each netlab command in a session of its own: whatever it leaves running keeps that session id
nl() { setsid "$NETLAB" --no-color --state-dir "$state" "$@" & local pid=$!; sessions+="$pid "; wait $pid; }
failures=0
fail() { failures=$((failures + 1)); echo "FAIL  $*"; }

# (zombies left out: they run nothing, and their reaper, PID 1 of the machine, takes its time)
our_processes() { ps -eo sid=,pid=,args= | awk -v s="$sessions" 'BEGIN { n = split(s, a, " "); for (i = 1; i <= n; i++) want[a[i]] = 1 } ($1 in want) && !/<defunct>/ { print }'; }
our_mounts() { grep -c "/run/netns/netlab\.$lab[. ]" /proc/self/mountinfo; }
# every network namespace on the machine: those processes are in, and those kept by a mount (named ones)
all_netns() {
  { for p in /proc/[0-9]*; do readlink "$p/ns/net"; done 2>/dev/null; grep ' - nsfs ' /proc/self/mountinfo | awk '{print $4}'; } \
    | grep '^net:' | sort -u | wc -l
}
docker_fds() {
  local n=0 p
  [ $docker = 1 ] || { echo 0; return; }
  for p in $(pidof dockerd containerd 2>/dev/null); do n=$(( n + $(ls "/proc/$p/fd" 2>/dev/null | wc -l) )); done
  echo $n
}
# one row of figures: cycle, then the strict ones, then the machine-wide ones
figures() {
  printf '%6s %5d %6d %6d %6d %6d %8d | %7d %7d %9d %9d %8d\n' "$1" \
    "$(lab_namespaces "$lab" | wc -l)" "$(our_mounts)" "$(lab_containers "$lab" | wc -l)" "$(state_files "$state" | wc -l)" \
    "$(our_processes | wc -l)" "$(ip -o link show | wc -l)" \
    "$(all_netns)" "$(ps -e --no-headers | wc -l)" "$(cut -f1 /proc/sys/fs/file-nr)" \
    "$(cat /proc/sys/net/netfilter/nf_conntrack_count 2>/dev/null || echo 0)" "$(docker_fds)"
}

echo "== soak: $cycles cycles of up / check / down of $( [ $docker = 1 ] && echo "a lab with namespaces, a container and a pod" || echo "a namespace lab (no Docker)")"
printf '%6s %5s %6s %6s %6s %6s %8s | %7s %7s %9s %9s %8s\n' cycle "ns" mounts contnr state procs host-ifs "all-ns" procs files conntrack dockerfd
figures start | tee "$work/figures"
t0=$(date +%s)
done_cycles=0
for ((c = 1; c <= cycles; c++)); do
  done_cycles=$c
  nl up --name "$lab" "$work/lab.yaml" >"$work/up.log" 2>&1 || { fail "cycle $c: up failed: $(tail -n 3 "$work/up.log" | tr '\n' ' ')"; }
  nl check "$lab" >"$work/check.log" 2>&1 || { fail "cycle $c: a check failed: $(grep -E 'FAIL|netlab:' "$work/check.log" | head -3 | tr '\n' ' ')"; }
  nl down "$lab" >"$work/down.log" 2>&1 || { fail "cycle $c: down failed: $(tail -n 3 "$work/down.log" | tr '\n' ' ')"; }
  if [ $((c % every)) = 0 ] || [ $c = "$cycles" ]; then figures "$c" | tee -a "$work/figures"; fi
  [ $failures -gt 10 ] && { echo "soak: stopping after 10 failures"; break; }
done
took=$(( $(date +%s) - t0 ))

# strict: columns 2-6 back to 0 and host interfaces as at the start, at every row
awk -v start_ifs="$(awk 'NR == 1 {print $7}' "$work/figures")" '
  { for (i = 2; i <= 6; i++) if ($i != 0) { print "FAIL  after cycle " $1 ": " $i " left (" (i == 2 ? "namespaces" : i == 3 ? "namespace mounts" : i == 4 ? "containers" : i == 5 ? "state files" : "processes") ")"; bad++ }
    if ($7 != start_ifs) { print "FAIL  after cycle " $1 ": the host has " $7 " interfaces, " start_ifs " at the start"; bad++ } }
  END { exit bad > 0 }' "$work/figures" || failures=$((failures + 1))
our_processes | head -5 | sed 's/^/      left: /'

# machine-wide: the lowest value of the last third may not exceed the highest of the first third by the margin
rows=$(wc -l < "$work/figures")
if [ "$rows" -ge 3 ]; then
  third=$(( (rows + 2) / 3 ))
  for spec in "9:network namespaces:5" "10:processes:20" "11:open files:1000" "12:host conntrack entries:200" "13:Docker engine open files:20"; do
    col=${spec%%:*} rest=${spec#*:}; name=${rest%:*} margin=${rest##*:}
    col=$((col - 1))  # the "|" column shifts awk's field numbers by one
    read -r first_max last_min < <(awk -v c=$((col + 1)) -v t=$third -v n="$rows" '
      NR <= t { if (NR == 1 || $c > fmax) fmax = $c }
      NR > n - t { if (!seen || $c < lmin) lmin = $c; seen = 1 }
      END { print fmax, lmin }' "$work/figures")
    growth=$(( last_min - first_max ))
    if [ $growth -gt "$margin" ]; then
      msg="$name climbed: lowest of the last third $last_min, highest of the first third $first_max (margin $margin)"
      if [ $strict = 1 ]; then fail "$msg"; else warnings=$((warnings + 1)); echo "WARN  $msg (machine-wide: others' work moves it too; --strict makes it fail)"; fi
    else printf '   %-28s first third at most %-9s last third at least %-9s ok\n' "$name" "$first_max," "$last_min,"; fi
  done
fi
echo "soak: $done_cycles cycles of up, check and down in ${took} s ($(( took * 1000 / (done_cycles > 0 ? done_cycles : 1) )) ms a cycle); $failures failure(s), $warnings warning(s)"
[ $failures = 0 ]
