#!/bin/bash
# Writes a grid of OSPF routers as a netlab topology: N x N routers (r1x1 ... rNxN), each with a loopback
# 10.255.ROW.COL/32 and a point-to-point /30 link to its right and lower neighbours (hellos every second, dead after 4),
# every interface in area 0 and the loopback passive. Converged means every router holds an ospf route to every
# other router's loopback (N*N - 1 of them).
#
#   gen-ospf-grid.sh N LAB OUTDIR
set -euo pipefail
n=$1 lab=$2 out=$3
mkdir -p "$out"
yaml="$out/$lab.yaml"
declare -A ifs   # interfaces given so far, by router
{
  echo "name: $lab"
  echo "description: A ${n}x${n} grid of OSPF routers (scripts/bench.sh)"
  echo "nodes:"
} > "$yaml"
declare -A node_ifs node_ospf
link=0
for i in $(seq 1 "$n"); do
  for j in $(seq 1 "$n"); do
    for nb in right down; do
      if [ $nb = right ]; then [ "$j" -lt "$n" ] || continue; a="r${i}x${j}" b="r${i}x$((j + 1))"; else [ "$i" -lt "$n" ] || continue; a="r${i}x${j}" b="r$((i + 1))x${j}"; fi
      ifs[$a]=$(( ${ifs[$a]:-0} + 1 )) ifs[$b]=$(( ${ifs[$b]:-0} + 1 ))
      ia="eth${ifs[$a]}" ib="eth${ifs[$b]}"
      o1=$(( (link % 64) * 4 + 1 )) o2=$(( (link % 64) * 4 + 2 ))
      node_ifs[$a]+="$ia: [10.0.$((link / 64)).$o1/30], "
      node_ifs[$b]+="$ib: [10.0.$((link / 64)).$o2/30], "
      node_ospf[$a]+="          $ia: {network: point-to-point, hello_interval: 1, dead_interval: 4}"$'\n'
      node_ospf[$b]+="          $ib: {network: point-to-point, hello_interval: 1, dead_interval: 4}"$'\n'
      links+="  - [$a:$ia, $b:$ib]"$'\n'
      link=$((link + 1))
    done
  done
done
for i in $(seq 1 "$n"); do
  for j in $(seq 1 "$n"); do
    r="r${i}x${j}"
    {
      echo "  $r:"
      echo "    forwarding: true"
      echo "    interfaces: {${node_ifs[$r]}lo: [10.255.$i.$j/32]}"
      echo "    routing:"
      echo "      ospf:"
      echo "        interfaces:"
      printf '%s' "${node_ospf[$r]}"
      echo "          lo: {passive: true}"
    } >> "$yaml"
  done
done
{ echo "links:"; printf '%s' "$links"; } >> "$yaml"
