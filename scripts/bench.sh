#!/bin/bash
# Benchmark: how long netlab takes to build and tear down generated labs, next to the fastest plain shell
# script that builds the same lab (one `ip -batch` for the namespaces and the fabric, then one `ip -n NS -batch`
# per node; see bench/gen-lab.sh), run interleaved on the same machine, medians of several runs.
#
#   sudo scripts/bench.sh [--sizes "10 50 100 200"] [--shapes "star linear"] [--runs 3] [--no-targets]
#
# star = one switch and N hosts; linear = N switches in a chain, a host on each. Prints, per lab, the medians
# and netlab's ratio to the script, and netlab's peak memory. Exits 1 when a target is missed at N = 200:
#   up <= 1.15 x the script, down <= 1.2 x the script          (issue 2: the core)
# Start-up of the JVM (about 0.1 s with the class-data archive this script makes) is part of netlab's time.
set -uo pipefail
cd "$(dirname "$0")/.."
sizes="10 50 100 200" shapes="star linear" runs=3 targets=1
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift ;;
    --shapes) shapes=$2; shift ;;
    --runs) runs=$2; shift ;;
    --no-targets) targets=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "bench: needs root (it builds real labs)" >&2; exit 3; }
[ -f target/netlab.jar ] || mvn -B -q -DskipTests package
scripts/make-cds.sh target/netlab.jar >/dev/null
NETLAB=${NETLAB:-scripts/netlab}
work=$(mktemp -d /tmp/netlab-bench.XXXXXX)
state="$work/state"
trap 'for f in "$work"/*.teardown.sh; do [ -f "$f" ] && "$f" >/dev/null 2>&1; done; "$NETLAB" -q --state-dir "$state" down --all >/dev/null 2>&1; rm -rf "$work"' EXIT

now() { date +%s%N; }
secs() { echo "scale=3; $1 / 1000000000" | bc; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { echo "scale=2; $1 / $2" | bc; }
# time a command in nanoseconds; fail loudly if it fails (a broken lab must not look fast)
timed() {
  local t0 t1; t0=$(now)
  if ! "$@" >"$work/last.out" 2>&1; then echo "bench: failed: $*" >&2; tail -5 "$work/last.out" >&2; exit 4; fi
  t1=$(now); echo $((t1 - t0))
}

printf '%-8s %5s | %9s %9s %6s | %9s %9s %6s | %8s\n' shape N "script up" "netlab up" ratio "script dn" "netlab dn" ratio "peak RSS"
missed=()
for shape in $shapes; do
  for n in $sizes; do
    lab="b${shape:0:1}$n"
    scripts/bench/gen-lab.sh "$shape" "$n" "$lab" "$work"
    fu=() fd=() nu=() nd=() rss=0
    for r in $(seq 1 "$runs"); do
      fu+=("$(timed "$work/$lab.build.sh")"); fd+=("$(timed "$work/$lab.teardown.sh")")
      t0=$(now)
      if command -v /usr/bin/time >/dev/null; then
        /usr/bin/time -f %M -o "$work/rss" "$NETLAB" -q --state-dir "$state" up "$work/$lab.yaml" >"$work/last.out" 2>&1 || { cat "$work/last.out" >&2; exit 4; }
        rss=$(( $(cat "$work/rss") > rss ? $(cat "$work/rss") : rss ))
      else
        "$NETLAB" -q --state-dir "$state" up "$work/$lab.yaml" >"$work/last.out" 2>&1 || { cat "$work/last.out" >&2; exit 4; }
      fi
      nu+=($(( $(now) - t0 )))
      nd+=("$(timed "$NETLAB" -q --state-dir "$state" down "$lab")")
    done
    mfu=$(echo "${fu[@]}" | median) mfd=$(echo "${fd[@]}" | median) mnu=$(echo "${nu[@]}" | median) mnd=$(echo "${nd[@]}" | median)
    ru=$(ratio "$mnu" "$mfu") rd=$(ratio "$mnd" "$mfd")
    printf '%-8s %5s | %8.2fs %8.2fs %5.2fx | %8.3fs %8.3fs %5.2fx | %6s MB\n' "$shape" "$n" "$(secs "$mfu")" "$(secs "$mnu")" "$ru" \
      "$(secs "$mfd")" "$(secs "$mnd")" "$rd" "$((rss / 1024))"
    if [ "$n" = 200 ]; then
      [ "$(echo "$ru > 1.15" | bc)" = 1 ] && missed+=("$shape-$n up ${ru}x > 1.15x")
      [ "$(echo "$rd > 1.2" | bc)" = 1 ] && missed+=("$shape-$n down ${rd}x > 1.2x")
    fi
  done
done
if [ ${#missed[@]} -gt 0 ]; then
  echo "targets missed: ${missed[*]}"
  [ "$targets" = 1 ] && exit 1
fi
exit 0
