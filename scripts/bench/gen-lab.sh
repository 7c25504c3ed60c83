#!/bin/bash
# Writes a benchmark lab in two forms: a netlab topology, and the plain iproute2 scripts (build and teardown)
# that make the very same lab the fastest way a shell script can: one `ip -batch` for the namespaces and the
# fabric, then one `ip -n NS -batch` per node.
#
#   gen-lab.sh star|linear|routed N LAB OUTDIR [pings]
#
# star:   one switch, N hosts on it.
# linear: N switches in a chain, one host on each.
# routed: N hosts in LANs of 5, every LAN on a port of one router (for all-pairs reachability: on one big L2
#         segment the host's global neighbour table, 1024 entries by default, could not hold every pair).
# Everything lives in namespaces (bridges in the lab's fabric namespace), exactly as netlab builds it.
# pings: the topology's checks are one ping from every host to h1 (instead of none, or routed's reachability).
set -euo pipefail
shape=$1 n=$2 lab=$3 out=$4 checks=${5:-}
mkdir -p "$out"
yaml="$out/$lab.yaml" build="$out/$lab.build.sh" teardown="$out/$lab.teardown.sh"
fab="floor.$lab"

addr() { # host i (1-based) -> 10.X.Y.Z/16
  local i=$1; echo "10.200.$((i / 250)).$((i % 250 + 1))/16"
}

pings() { # one ping check from every host to h1
  for i in $(seq 2 "$n"); do echo "  - ping: {from: h$i, to: h1}"; done
}

if [ "$shape" = routed ]; then
  lans=$(( (n + 4) / 5 ))
  {
    echo "name: $lab"
    echo "switches:"
    for l in $(seq 1 "$lans"); do echo "  lan$l: {subnet: 10.60.$l.0/24}"; done
    echo "nodes:"
    echo "  r1:"
    echo "    forwarding: true"
    echo "    interfaces:"
    for l in $(seq 1 "$lans"); do echo "      eth$l: 10.60.$l.254/24"; done
    for i in $(seq 1 "$n"); do echo "  h$i: {gateway: r1}"; done
    echo "links:"
    for l in $(seq 1 "$lans"); do echo "  - [r1:eth$l, lan$l]"; done
    for i in $(seq 1 "$n"); do echo "  - [h$i:eth1, lan$(( (i - 1) / 5 + 1 ))]"; done
    echo "checks:"
    if [ "$checks" = pings ]; then pings; else
      echo "  - name: all pairs"
      echo "    reachability: {from: all, to: all}"
    fi
  } > "$yaml"
  exit 0
fi

{
  echo "name: $lab"
  echo "switches:"
  if [ "$shape" = star ]; then echo "  sw1: {}"; else for i in $(seq 1 "$n"); do echo "  sw$i: {}"; done; fi
  echo "nodes:"
  for i in $(seq 1 "$n"); do echo "  h$i: {interfaces: {eth1: $(addr "$i")}}"; done
  echo "links:"
  for i in $(seq 1 "$n"); do
    if [ "$shape" = star ]; then echo "  - [h$i:eth1, sw1]"; else echo "  - [h$i:eth1, sw$i]"; fi
  done
  if [ "$shape" = linear ]; then for i in $(seq 2 "$n"); do echo "  - [sw$((i - 1)), sw$i]"; done; fi
  if [ "$checks" = pings ]; then echo "checks:"; pings; fi
} > "$yaml"

{
  echo "#!/bin/bash"
  echo "set -e"
  echo "ip -batch - <<'EOF'"
  echo "netns add $fab"
  for i in $(seq 1 "$n"); do echo "netns add $fab.h$i"; done
  echo "EOF"
  echo "ip -n $fab -batch - <<'EOF'"
  if [ "$shape" = star ]; then bridges=1; else bridges=$n; fi
  for b in $(seq 1 "$bridges"); do
    echo "link add name sw$b type bridge stp_state 0"
    echo "link set dev sw$b addrgenmode none"
    echo "link set dev sw$b up"
  done
  for i in $(seq 1 "$n"); do
    if [ "$shape" = star ]; then b=1; else b=$i; fi
    echo "link add name h$i-eth1 type veth peer name eth1 netns $fab.h$i"
    echo "link set dev h$i-eth1 addrgenmode none"
    echo "link set dev h$i-eth1 master sw$b"
    echo "link set dev h$i-eth1 up"
  done
  if [ "$shape" = linear ]; then
    for i in $(seq 2 "$n"); do
      a=$((i - 1))
      echo "link add name sw$a-sw$i type veth peer name sw$i-sw$a"
      for p in "sw$a-sw$i:sw$a" "sw$i-sw$a:sw$i"; do
        echo "link set dev ${p%%:*} addrgenmode none"
        echo "link set dev ${p%%:*} master ${p##*:}"
        echo "link set dev ${p%%:*} up"
      done
    done
  fi
  echo "EOF"
  for i in $(seq 1 "$n"); do
    printf 'ip -n %s -batch - <<'"'"'EOF'"'"'\nlink set dev lo up\nlink set dev eth1 addrgenmode none\nlink set dev eth1 up\naddr replace %s dev eth1\nEOF\n' "$fab.h$i" "$(addr "$i")"
  done
} > "$build"

{
  echo "#!/bin/bash"
  echo "ip -batch - <<'EOF'"
  echo "netns del $fab"
  for i in $(seq 1 "$n"); do echo "netns del $fab.h$i"; done
  echo "EOF"
} > "$teardown"
chmod +x "$build" "$teardown"
