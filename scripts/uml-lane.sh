#!/bin/bash
# The UML lane: runs the built netlab on the example labs that need kernel features this machine's kernel may
# lack (GRE, gretap, 802.1Q VLANs, bridge VLAN filtering, netem), inside a User-Mode-Linux kernel that has them
# (Debian's user-mode-linux: Linux 6.1 with its modules, run as an ordinary process by scripts/uml/run-in-uml.sh).
#
#   scripts/uml-lane.sh [--out DIR] [topology.yaml...]      default: topologies/{vxlan,gre,vlan,impairments}.yaml
#
# UML boots once and everything runs in that one boot, with few JVM starts (a JVM takes ~5 s to start inside UML):
#   1. one `netlab test --keep --json` over all the labs;
#   2. if lab `impairments` is among them: `netlab link set` changes its delayed link while it runs, and
#      `netlab check` measures the new round trip (its 200 ms check must now fail, at about 600 ms);
#   3. one `netlab down` of all the labs, then a look for anything left (namespaces, lab records).
# Inside UML, /run is private, so the labs' namespaces and records never touch the host's; what the lane writes
# to DIR (default target/uml-lane) lands on the host: results.json (one `--json` report per lab, in order),
# test.log (progress), runtime.json/.log, down.log, leftovers.txt, and the exit codes *.rc.
#
# Exit code: 0 when every check passed and nothing was left; 1 otherwise; 3 when UML cannot run here
# (no /usr/bin/linux.uml: apt-get install user-mode-linux; no modprobe: apt-get install kmod).
# Environment: NETLAB, the command that runs netlab inside UML (default: scripts/netlab, the built
# target/netlab.jar); UML_MEM (default 1G; Java needs 512M+), UML_TIMEOUT (default 900 s).
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/target/uml-lane
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "uml-lane: unknown option $1" >&2; exit 2 ;;
    *) files+=("$(cd "$(dirname "$1")" && pwd)/$(basename "$1")") ;;
  esac
  shift
done
[ ${#files[@]} -gt 0 ] || files=("$repo"/topologies/{vxlan,gre,vlan,impairments}.yaml)

kernel=${UML_KERNEL:-/usr/bin/linux.uml}
if [ ! -x "$kernel" ]; then
  echo "uml-lane: SKIPPED: $kernel is missing (apt-get install user-mode-linux)" >&2; exit 3
fi
if ! command -v modprobe >/dev/null && [ ! -x /usr/sbin/modprobe ]; then
  echo "uml-lane: modprobe is missing, so UML cannot load its GRE/VLAN/netem modules (apt-get install kmod)" >&2; exit 3
fi
netlab=${NETLAB:-$repo/scripts/netlab}
if [ -z "${NETLAB:-}" ] && [ ! -f "$repo/target/netlab.jar" ]; then
  echo "uml-lane: target/netlab.jar is missing; build it first (mvn -B -q package -DskipTests)" >&2; exit 3
fi

labs=()
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "uml-lane: no such file: $f" >&2; exit 2; }
  labs+=("$(sed -n 's/^name:[[:space:]]*\([A-Za-z0-9_-]*\).*/\1/p' "$f" | head -1)")
done

case "$out" in *[!A-Za-z0-9_./-]*) echo "uml-lane: use an output directory without spaces or quotes: $out" >&2; exit 2 ;; esac
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.log "$out"/*.rc "$out"/leftovers.txt

# What runs inside UML, as root of the UML kernel. Quoted with %q: paths come from the host.
inside=$out/inside.sh
{
  echo 'set -u'
  printf 'cd %q\n' "$repo"
  printf 'out=%q\n' "$out"
  echo 'export NETLAB_STATE_DIR=/run/netlab'
  # no perf-data files under the host's /tmp; C1 only: faster start-up, the lane is short
  echo 'export NETLAB_JAVA_OPTS="-XX:-UsePerfData ${NETLAB_JAVA_OPTS:-}"'
  printf 'netlab() { %s --no-color "$@"; }\n' "$netlab"
  printf 'netlab test --keep --json'; printf ' %q' "${files[@]}"; echo ' >"$out/results.json" 2>"$out/test.log"; echo $? >"$out/test.rc"'
  for l in "${labs[@]}"; do
    if [ "$l" = impairments ]; then
      echo 'netlab link set impairments h1:eth1 delay 300ms >"$out/runtime.log" 2>&1; echo $? >"$out/link-set.rc"'
      echo 'netlab check impairments --json -c "h1 to h2 takes 200 ms there and back (100 ms each way)" >"$out/runtime.json" 2>>"$out/runtime.log"'
    fi
  done
  printf 'netlab down'; printf ' %q' "${labs[@]}"; echo ' >"$out/down.log" 2>&1; echo $? >"$out/down.rc"'
  echo '{ ip netns list; ls -A "$NETLAB_STATE_DIR/labs" 2>/dev/null; } >"$out/leftovers.txt"'
} >"$inside"

echo "uml-lane: booting UML for ${labs[*]}" >&2
start=$(date +%s)
# netlab's progress, live: UML writes test.log straight to the host's file system
: >"$out/test.log"
tail -n +1 -F -s 0.5 "$out/test.log" 2>/dev/null > >(sed -u 's/^/  /' >&2) &
follower=$!   # tail itself: killing it ends sed too
UML_MEM=${UML_MEM:-1G} UML_TIMEOUT=${UML_TIMEOUT:-900} "$repo/scripts/uml/run-in-uml.sh" "bash $inside"
urc=$?
sleep 0.6
kill "$follower" 2>/dev/null
wait "$follower" 2>/dev/null
took=$(( $(date +%s) - start ))
if [ $urc -ne 0 ]; then
  echo "uml-lane: UML run failed (exit $urc) after ${took}s" >&2
  exit 1
fi

# The verdict, from netlab's own JSON reports (one key per line): each check has "outcome": passed, failed or error
# (it could not run); a lab that never got to its checks has an "error" object and no checks.
passed=$(grep -cE '"outcome" ?: ?"passed"' "$out/results.json" 2>/dev/null)
failed=$(grep -cE '"outcome" ?: ?"failed"' "$out/results.json" 2>/dev/null)
errors=$(grep -cE '"outcome" ?: ?"error"' "$out/results.json" 2>/dev/null)
lab_errors=$(grep -cE '"error" ?: ?\{' "$out/results.json" 2>/dev/null)
reported=$(grep -cE '"lab" ?:' "$out/results.json" 2>/dev/null)
rc=0
# a lab that never got to its checks: its one line
awk '/"lab" ?:/ {lab=$0} /"error" ?: ?\{/ {inerr=1} /"message" ?:/ {if (inerr) print "uml-lane: ERROR " lab " " $0; inerr=0}' \
  "$out/results.json" 2>/dev/null >&2
# each check that did not pass, from the reports: its lab, name and what was seen
awk '/"lab" ?:/ {lab=$0} /"name" ?:/ {name=$0} /"passed" ?: ?false/ {bad=1}
     /"detail" ?:/ {if (bad) print "uml-lane: FAIL " lab " " name " " $0; bad=0}' "$out/results.json" 2>/dev/null |
  sed 's/ *"lab" *: *"\([^"]*\)",\{0,1\}/ \1:/; s/ *"name" *: *"\([^"]*\)",\{0,1\}/ \1 -/; s/ *"detail" *: *"\(.*\)",\{0,1\}$/ \1/' >&2
if [ "$reported" != "${#labs[@]}" ]; then
  echo "uml-lane: only $reported of ${#labs[@]} labs reported results (netlab test exited $(cat "$out/test.rc" 2>/dev/null))" >&2
  rc=1
fi
if [ -s "$out/runtime.json" ]; then
  rtt=$(grep -o 'rtt avg [0-9.]*' "$out/runtime.json" | head -1)
  echo "uml-lane: after 'netlab link set impairments h1:eth1 delay 300ms': ${rtt:-no rtt measured} (was about 200 ms)" >&2
fi
if [ "$(cat "$out/down.rc" 2>/dev/null)" != 0 ]; then
  echo "uml-lane: netlab down failed:" >&2; sed 's/^/  /' "$out/down.log" >&2; rc=1
fi
if [ -s "$out/leftovers.txt" ]; then
  echo "uml-lane: left behind inside UML:" >&2; sed 's/^/  /' "$out/leftovers.txt" >&2; rc=1
fi
[ "$failed" = 0 ] && [ "$errors" = 0 ] && [ "$lab_errors" = 0 ] || rc=1
echo "uml-lane: $passed passed, $failed failed, $errors could not run, $lab_errors labs never got to their checks (${#labs[@]} labs, ${took}s)"
exit $rc
