#!/bin/bash
# Benchmark: netlab building and removing a star of N container nodes (one switch), next to a plain shell script
# that makes the same lab with the docker CLI: N "docker run -d --network none" four at a time (netlab runs four
# units at once on 2 cores), each container's namespace named with "ip netns attach", one ip -batch for the
# switch and the veths, one per container for its address; teardown: "docker rm -f" four at a time, then the
# namespaces. Medians of several interleaved runs. The Docker engine's own work dominates both.
#
#   sudo scripts/bench-containers.sh [--sizes "5 20"] [--runs 3]
#
# Needs a running Docker engine and netlab's images (scripts/build-images.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
sizes="5 20" runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) sizes=$2; shift ;;
    --runs) runs=$2; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench-containers: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "bench-containers: needs root" >&2; exit 3; }
docker info >/dev/null 2>&1 || { echo "bench-containers: no Docker engine answers" >&2; exit 3; }
docker image inspect netlab/busybox:1 >/dev/null 2>&1 || { echo "bench-containers: run scripts/build-images.sh first" >&2; exit 3; }
[ -f target/netlab.jar ] || mvn -B -q -DskipTests package
scripts/make-cds.sh target/netlab.jar >/dev/null
scripts/unpack-native.sh target/netlab.jar >/dev/null
NETLAB=${NETLAB:-scripts/netlab}
work=$(mktemp -d /tmp/netlab-bench-ct.XXXXXX)
export NETLAB_STATE_DIR=$work/state
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

topology() { # N LAB -> a netlab topology
  echo "name: $2"; echo "switches: {sw: {subnet: 10.210.0.0/16}}"; echo "nodes:"
  for i in $(seq 1 "$1"); do echo "  c$i: {kind: container}"; done
  echo "links:"; for i in $(seq 1 "$1"); do echo "  - [c$i:eth1, sw]"; done
}

script_up() { # N LAB
  local n=$1 lab=$2
  ip netns add "sfab.$lab"
  seq 1 "$n" | xargs -P4 -I{} docker run -d -q --name "s.$lab.c{}" --network none --label "bench=$lab" netlab/busybox:1 >/dev/null
  for i in $(seq 1 "$n"); do ip netns attach "s.$lab.c$i" "$(docker inspect -f '{{.State.Pid}}' "s.$lab.c$i")"; done
  { echo "link add name sw type bridge"; echo "link set dev sw up"
    for i in $(seq 1 "$n"); do
      echo "link add name p$i type veth peer name eth1 netns s.$lab.c$i"; echo "link set dev p$i master sw"; echo "link set dev p$i up"
    done; } | ip -n "sfab.$lab" -batch -
  for i in $(seq 1 "$n"); do
    printf 'link set dev eth1 up\naddr add 10.210.0.%d/16 dev eth1\n' "$i" | ip -n "s.$lab.c$i" -batch -
  done
}

script_down() { # N LAB
  local n=$1 lab=$2
  docker ps -aq --filter "label=bench=$lab" | xargs -r -P4 -n1 docker rm -f >/dev/null
  { echo "netns del sfab.$lab"; for i in $(seq 1 "$n"); do echo "netns del s.$lab.c$i"; done; } | ip -force -batch -
}

printf '%-12s %10s %10s %10s %10s\n' lab netlab-up script-up netlab-down script-down
for n in $sizes; do
  nu=() su=() nd=() sd=()
  topology "$n" "bct$n" > "$work/bct$n.yaml"
  for r in $(seq 1 "$runs"); do
    t0=$(now); "$NETLAB" -q up "$work/bct$n.yaml" >/dev/null || { echo "netlab up failed" >&2; exit 1; }; t1=$(now)
    "$NETLAB" -q down "bct$n" >/dev/null; t2=$(now)
    nu+=("$(echo "$t1 - $t0" | bc)"); nd+=("$(echo "$t2 - $t1" | bc)")
    t0=$(now); script_up "$n" "sb$n" || { echo "script up failed" >&2; exit 1; }; t1=$(now)
    script_down "$n" "sb$n"; t2=$(now)
    su+=("$(echo "$t1 - $t0" | bc)"); sd+=("$(echo "$t2 - $t1" | bc)")
  done
  printf '%-12s %10.2f %10.2f %10.2f %10.2f\n' "star-$n" \
    "$(printf '%s\n' "${nu[@]}" | median)" "$(printf '%s\n' "${su[@]}" | median)" \
    "$(printf '%s\n' "${nd[@]}" | median)" "$(printf '%s\n' "${sd[@]}" | median)"
done
