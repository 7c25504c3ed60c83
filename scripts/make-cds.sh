#!/bin/bash
# Makes the class-data-sharing archive that lets netlab start about twice as fast: the classes a few typical
# commands load, pre-parsed into JAR.jsa beside the jar. It must be made for the exact jar it is used with
# (the launcher only uses it when it is newer than the jar), so install.sh and the benchmarks run this.
#
#   scripts/make-cds.sh path/to/netlab.jar
set -uo pipefail
jar=$(readlink -f "$1")
here=$(dirname "$(readlink -f "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
state="$work/state"
run() { java -Xshare:off -XX:DumpLoadedClassList="$work/list.$1" -jar "$jar" --state-dir "$state" "${@:2}" >/dev/null 2>&1; }
# one class list per run (each file named by its own number: a number used twice would lose a run's classes)
run 1 --help
run 2 version
run 3 validate "$here/../topologies/router.yaml"
run 4 validate "$here/../topologies/nat.yaml"
run 5 up --dry-run "$here/../topologies/router.yaml"
run 6 down no-such-lab
run 7 list
if [ "$(id -u)" = 0 ] && command -v ip >/dev/null; then
  # a real (tiny) lab, so the netlink and namespace classes are in the archive too
  lab="cds-$$"
  run 8 up --name "$lab" "$here/../topologies/switch.yaml"
  run 9 status "$lab"
  run 10 check "$lab"
  run 11 down "$lab"
fi
if [ "$(id -u)" = 0 ] && docker info >/dev/null 2>&1 && docker image inspect netlab/busybox:1 >/dev/null 2>&1; then
  # a one-container lab, so the Docker client's classes are in the archive too (labs without containers never load them)
  printf 'name: cds\nnodes:\n  c1: {kind: container}\nchecks:\n  - exec: {node: c1, command: "true"}\n' > "$work/ct.yaml"
  lab="cds-ct-$$"
  run 12 up --name "$lab" "$work/ct.yaml"
  run 13 check "$lab"
  run 14 down "$lab"
fi
# Merge the lists keeping their order and dropping repeats: a repeated lambda-proxy line ("@lambda-proxy ...")
# crashes Debian's JDK 17 while dumping, and the lambda proxies are worth archiving (they cost start-up time).
# Lambda proxies that implement a picocli interface are left out: resolving them links the interface while
# dumping, and picocli's classes are Java 5 class files, which the JDK 17 archive skips once linked ("Old class has
# been linked"); every start would then read them, and the classes built on them, from the jar.
cat "$work"/list.* 2>/dev/null | awk '!seen[$0]++' | grep -v '^@lambda-proxy .*picocli/' > "$work/classes"
if java -Xshare:dump -Xlog:cds=warning -XX:SharedClassListFile="$work/classes" -XX:SharedArchiveFile="${jar%.jar}.jsa" -cp "$jar" >"$work/dump.log" 2>&1; then
  echo "made ${jar%.jar}.jsa ($(wc -l < "$work/classes") classes; $(grep -c "Skipping" "$work/dump.log") skipped)"
else
  echo "could not make the class-data archive (netlab still works, starting slower): $(tail -3 "$work/dump.log")" >&2
  rm -f "${jar%.jar}.jsa"
fi
