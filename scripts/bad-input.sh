#!/bin/bash
# Bad input: a generated corpus of broken topologies (truncated YAML, wrong types, unknown keys, bad CIDRs,
# dangling references, huge values, non-UTF-8, deep nesting, aliases...; src-test/java/netlab/badinput) through
# the built binary. Every file must be refused with file:line:col: errors, exit code 2 and no stack trace, and
# `up` (as root) must create nothing: no namespace, no container, no state file.
#
#   sudo scripts/bad-input.sh [--quick]
#
# The unit test BadInputCorpusTest runs the same corpus through `validate` in-process (no root). Here:
#   1. `netlab validate` of the whole corpus in one run: each file has error lines, every line is FILE:LINE:COL:
#   2. `netlab up FILE` per file (every file; --quick: every 5th), as root: exit 2, well-formed errors, nothing made.
# Without root, step 2 runs `validate` per file instead. Needs target/netlab.jar (mvn package); compiles the test
# classes (the generator) if they are missing. NETLAB=path picks the binary (default scripts/netlab).
set -uo pipefail
cd "$(dirname "$0")/.."
NETLAB=$(readlink -f "$(command -v "${NETLAB:-scripts/netlab}")")
step=1
case "${1:-}" in
  --quick) step=5 ;;
  "") ;;
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  *) echo "bad-input.sh: unknown option $1" >&2; exit 2 ;;
esac
[ -f target/netlab.jar ] || { echo "bad-input.sh: target/netlab.jar is missing (mvn -B -q package -DskipTests)" >&2; exit 3; }
if [ ! -f target/test-classes/netlab/badinput/BrokenTopologies.class ]; then
  echo "== compiling the corpus generator (mvn test-compile)"
  mvn -B -q test-compile || exit 3
fi

work=$(mktemp -d /tmp/netlab-badinput.XXXXXX)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus state=$work/state
java -cp target/test-classes:target/netlab.jar netlab.badinput.BrokenTopologies "$corpus" topologies >/dev/null || exit 3
files=()
while IFS=$'\t' read -r f _; do files+=("$f"); done < "$corpus/index.tsv"
echo "== corpus: ${#files[@]} broken topologies"
cut -f2 "$corpus/index.tsv" | sort | uniq -c | awk '{printf "   %-20s %d\n", $2, $1}'

failures=0
fail() { failures=$((failures + 1)); echo "FAIL  $*"; }
what() { awk -F'\t' -v f="$1" '$1 == f {print $3}' "$corpus/index.tsv" | cut -c1-150; }

# A refusal, as a user must see it: only positioned error lines (the first 100, then a line counting the others) and
# the count; no stack trace, nothing on stdout.
# $1 file, $2 exit code, $3 stdout, $4 stderr, $5 the summary line expected last (a regex)
check_refusal() {
  local f=$1 rc=$2 out=$3 err=$4 last=$5 path="$corpus/$1"
  local problem=
  if [ "$rc" != 2 ]; then problem="exit code $rc, not 2"
  elif [ -s "$out" ]; then problem="printed on stdout: $(head -c 200 "$out")"
  elif grep -qE 'Exception|internal error|^\s+at [a-z]' "$err"; then problem="a stack trace or internal error"
  elif ! tail -n 1 "$err" | grep -qE "$last"; then problem="last line is not the error count: $(tail -n 1 "$err" | head -c 200)"
  else
    local n bad
    n=$(($(wc -l < "$err") - 1))
    bad=$(head -n "$n" "$err" | grep -vE '^netlab: [0-9]+ more errors? not shown' \
      | grep -vcE "^$(printf '%s' "$path" | sed 's/[.[\*^$/]/\\&/g'):[1-9][0-9]*:[1-9][0-9]*: [^ ]")
    [ "$n" -ge 1 ] || problem="no error line"
    [ "$bad" = 0 ] || problem="$bad line(s) without file:line:col: $(head -n "$n" "$err" | grep -vE ':[1-9][0-9]*:[1-9][0-9]*: ' | head -n 1 | head -c 200)"
  fi
  if [ -n "$problem" ]; then
    fail "$f ($(what "$f")): $problem"
    head -n 5 "$err" | cut -c1-200 | sed 's/^/      /'
    return 1
  fi
}

echo "== 1. netlab validate, the whole corpus at once"
t0=$(date +%s.%N)
(cd "$corpus" && "$NETLAB" --no-color validate "${files[@]}") >"$work/v.out" 2>"$work/v.err"
rc=$?
t1=$(date +%s.%N)
[ $rc = 2 ] || fail "validate of the corpus: exit code $rc, not 2"
grep -q ': ok (' "$work/v.out" && fail "validate accepted: $(grep ': ok (' "$work/v.out" | head -5 | tr '\n' ' ')"
grep -qE 'Exception|internal error|^\s+at [a-z]' "$work/v.err" && fail "validate printed a stack trace or internal error"
# every line but the last is "NNNN-category.yaml:LINE:COL: message"; every file has at least one
awk -v files="${files[*]}" '
  BEGIN { n = split(files, f, " "); for (i = 1; i <= n; i++) want[f[i]] = 1 }
  /^netlab: [0-9]+ errors?$/ { next }
  /^netlab: [0-9]+ more errors? not shown/ { next }
  match($0, /^[0-9][0-9][0-9][0-9]-[a-z-]+\.yaml:[1-9][0-9]*:[1-9][0-9]*: [^ ]/) { split($0, p, ":"); seen[p[1]]++; next }
  { bad++; if (bad <= 3) print "FAIL  not file:line:col: " substr($0, 1, 200) }
  END { for (x in want) if (!(x in seen)) { missing++; if (missing <= 5) print "FAIL  no error for " x }
        printf "   %d error lines for %d files; %d malformed lines; %d files without an error\n", NR, length(seen), bad, missing
        exit (bad + missing > 0) }' "$work/v.err" || failures=$((failures + 1))
printf '   took %.1f s\n' "$(echo "$t1 - $t0" | bc)"

which="every file"; [ $step = 1 ] || which="every ${step}th file"
if [ "$(id -u)" = 0 ]; then
  echo "== 2. netlab up, one file at a time ($which), nothing may be created"
  mode=up
else
  echo "== 2. not root: netlab validate, one file at a time ($which); up is not tried"
  mode=validate
fi
docker_ok=0; docker info >/dev/null 2>&1 && docker_ok=1
tried=0 t0=$(date +%s.%N)
for ((i = 0; i < ${#files[@]}; i += step)); do
  f=${files[$i]}
  tried=$((tried + 1))
  if [ $mode = up ]; then
    "$NETLAB" --no-color --state-dir "$state" up "$corpus/$f" >"$work/out" 2>"$work/err"
    rc=$?
    check_refusal "$f" $rc "$work/out" "$work/err" '^netlab: [0-9]+ errors?, nothing was created$'
    made=$(ls /run/netns 2>/dev/null | grep -E "^netlab\.badinput" | tr '\n' ' ')
    [ -z "$made" ] || { fail "$f: up created namespaces: $made"; for ns in $made; do ip netns del "$ns"; done; }
    [ -z "$(find "$state" -type f 2>/dev/null)" ] || { fail "$f: up left state files: $(find "$state" -type f | head -3)"; rm -rf "$state"; }
    if [ $docker_ok = 1 ]; then
      made=$(docker ps -aq --filter label=netlab.lab 2>/dev/null | xargs -r docker inspect -f '{{index .Config.Labels "netlab.lab"}} {{.Name}}' | awk '$1 ~ /^badinput/ {print $2}')
      [ -z "$made" ] || fail "$f: up created containers: $made"
    fi
  else
    (cd "$corpus" && "$NETLAB" --no-color validate "$f") >"$work/out" 2>"$work/err"
    rc=$?
    sed -i "s|^$f:|$corpus/$f:|" "$work/err"
    check_refusal "$f" $rc "$work/out" "$work/err" '^netlab: [0-9]+ errors?$'
  fi
  [ $((tried % 50)) = 0 ] && echo "   $tried files..."
done
t1=$(date +%s.%N)
printf '   %d files through %s, %.2f s each on average\n' $tried $mode "$(echo "($t1 - $t0) / $tried" | bc -l)"

echo "bad-input: ${#files[@]} broken topologies; validate of all, $mode of $tried one by one: $failures failure(s)"
[ $failures = 0 ]
