#!/bin/bash
# run-in-uml.sh - run a shell command inside a User-Mode-Linux (UML) kernel whose
# root filesystem is the host's own "/" (hostfs), print its stdout and stderr,
# and exit with its exit status.
#
#   usage: run-in-uml.sh [options] [--] 'shell command'
#     -m MEM   UML memory (default 1G; 256M is enough for shell work, 512M+ for java)
#     -t SECS  wall-clock limit for the whole run (default 600); exit 124 on timeout
#     -T       mount a private tmpfs on /tmp inside UML (hides the host's /tmp, so
#              don't use it when the command needs files under /tmp)
#     -n       leave iptables as on the host (nft backend). By default "iptables"
#              inside UML runs iptables-legacy: Debian's UML kernel has no nf_tables
#              ip/inet family, so iptables-nft (and nft 'ip' tables) fail there.
#     -k       keep the work directory (console.log, init.sh...) for debugging
#     -v       print the UML kernel console log to stderr afterwards
#   env: UML_MEM, UML_TIMEOUT (defaults for -m/-t), UML_KERNEL (default
#        /usr/bin/linux.uml), UML_WORK_PARENT (default /tmp), UML_PASS_ENV="V1 V2"
#        extra variables to pass in (PATH, HOME, LANG, LC_ALL, JAVA_HOME,
#        JAVA_TOOL_OPTIONS, MAVEN_OPTS, TZ are always passed).
#
# The command runs as root under /bin/bash in the caller's current directory.
# Host files it changes are REALLY changed (hostfs is the host's "/", read-write),
# except under /run, /dev/shm, /dev/pts (and /tmp with -T): those are UML-private
# tmpfs. Netns, links, qdiscs and firewall rules live only in the UML kernel; UML
# has no network link to the host. Kernel modules: Debian ships them in
# /usr/lib/uml/modules/<ver>; kernel auto-loading and plain `modprobe X` (found via
# PATH) are redirected there; `/sbin/modprobe X` by absolute path and modinfo are not.
# Needs: apt-get install user-mode-linux   (kernel 6.1, ~116 MB with modules)
# (Vendored from the team's shared tooling, shared/uml/run-in-uml.sh, written for this project by its user;
# unchanged apart from this note. scripts/uml-lane.sh is what uses it.)
set -u

MEM=${UML_MEM:-1G}
TIMEOUT=${UML_TIMEOUT:-600}
TMPFS_TMP=0 IPT_LEGACY=1 KEEP=0 VERBOSE=0
KERNEL=${UML_KERNEL:-/usr/bin/linux.uml}
usage() { sed -n '2,28p' "$0" >&2; exit 2; }

while getopts "m:t:Tnkvh" opt; do
  case $opt in
    m) MEM=$OPTARG ;;
    t) TIMEOUT=$OPTARG ;;
    T) TMPFS_TMP=1 ;;
    n) IPT_LEGACY=0 ;;
    k) KEEP=1 ;;
    v) VERBOSE=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
CMD="$*"

if [ ! -x "$KERNEL" ]; then
  echo "run-in-uml: $KERNEL not found (apt-get install user-mode-linux)" >&2; exit 125
fi

WORK=$(mktemp -d "${UML_WORK_PARENT:-/tmp}/umlp-run.XXXXXX") || exit 125
case "$WORK" in *[!A-Za-z0-9_./-]*) echo "run-in-uml: unusable work dir path $WORK" >&2; rm -rf "$WORK"; exit 125;; esac
UML_PID=
cleanup() {
  if [ -n "$UML_PID" ] && kill -0 "$UML_PID" 2>/dev/null; then
    kill -TERM "$UML_PID" 2>/dev/null; sleep 2; kill -KILL "$UML_PID" 2>/dev/null
  fi
  if [ "$KEEP" = 1 ]; then echo "run-in-uml: work dir kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

W=/run/umlp   # where $WORK appears inside UML (hostfs mount)

# --- the command, its directory and environment --------------------------
printf '%s\n' "$CMD" > "$WORK/cmd.sh"
printf '%s\n' "$PWD" > "$WORK/cwd"
{
  for v in PATH HOME LANG LC_ALL JAVA_HOME JAVA_TOOL_OPTIONS MAVEN_OPTS TZ ${UML_PASS_ENV:-}; do
    if [ -n "${!v+x}" ]; then printf 'export %s=%q\n' "$v" "${!v}"; fi
  done
  echo "export PATH=$W/bin:\${PATH:-/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin}"
  echo 'export TERM=dumb'
} > "$WORK/env.sh"

# --- kernel modules: modprobe wants <root>/lib/modules/<ver> ---------------
mkdir -p "$WORK/kmod/lib" "$WORK/bin"
ln -s /usr/lib/uml/modules "$WORK/kmod/lib/modules"
printf '#!/bin/sh\nexec /usr/sbin/modprobe -d %s/kmod "$@"\n' "$W" > "$WORK/bin/modprobe"
chmod 755 "$WORK/bin/modprobe"

# --- mounts, done by ONE `mount -a` (every exec costs ~0.2 s inside UML) ----
{
  echo "proc /proc proc defaults 0 0"
  echo "sysfs /sys sysfs defaults 0 0"
  echo "tmpfs /run tmpfs mode=755 0 0"
  echo "hostfs $W hostfs X-mount.mkdir,$WORK 0 0"
  echo "devpts /dev/pts devpts X-mount.mkdir,ptmxmode=0666 0 0"
  echo "tmpfs /dev/shm tmpfs X-mount.mkdir,mode=1777 0 0"
  [ "$TMPFS_TMP" = 1 ] && echo "tmpfs /tmp tmpfs mode=1777 0 0"
  [ "$IPT_LEGACY" = 1 ] && [ -x /usr/sbin/xtables-nft-multi ] && [ -x /usr/sbin/xtables-legacy-multi ] &&
    echo "/usr/sbin/xtables-legacy-multi /usr/sbin/xtables-nft-multi none bind 0 0"
} > "$WORK/fstab"

# --- init script: PID 1 inside UML (/bin/sh = dash) -------------------------
cat > "$WORK/init.sh" <<EOF
#!/bin/sh
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin; export PATH
mount -a -T $WORK/fstab || echo "umlp: mount -a failed" >&2
if [ -d $W/kmod ]; then
  echo $W/bin/modprobe > /proc/sys/kernel/modprobe
  echo localhost > /proc/sys/kernel/hostname
  ip link set lo up
  read -r CWD < $W/cwd; cd "\$CWD" 2>/dev/null || cd /
  ( . $W/env.sh; exec /bin/bash $W/cmd.sh ) > $W/stdout 2> $W/stderr < /dev/null
  echo \$? > $W/rc
  sync
fi
echo o > /proc/sysrq-trigger   # power off (asynchronous: PID 1 must not exit first)
sleep 60
EOF
chmod 755 "$WORK/init.sh"

# --- boot --------------------------------------------------------------------
# con=null ssl=null: no xterm/pty for the extra consoles and serial lines;
# con0=null,fd:1: console output -> console.log, no console input.
# pty.legacy_count=0 saves ~1.8 s of boot; quiet keeps the console log short;
# umid/uml_dir keep the mconsole socket dir inside the work dir; running in
# $WORK avoids UML picking up a ./root_fs file as its ubd0 disk.
(
  cd "$WORK" || exit 125
  exec timeout -k 5 "$TIMEOUT" "$KERNEL" \
    root=/dev/root rootfstype=hostfs rootflags=/ rw mem="$MEM" \
    init="$WORK/init.sh" con=null con0=null,fd:1 ssl=null \
    pty.legacy_count=0 quiet umid=umlp uml_dir="$WORK/uml" \
    </dev/null >"$WORK/console.log" 2>&1
) &
UML_PID=$!
wait "$UML_PID"; URC=$?
UML_PID=

[ -f "$WORK/stdout" ] && cat "$WORK/stdout"
[ -f "$WORK/stderr" ] && cat "$WORK/stderr" >&2
[ "$VERBOSE" = 1 ] && { echo "----- UML console (exit $URC) -----" >&2; cat "$WORK/console.log" >&2; }
if [ -s "$WORK/rc" ]; then
  exit "$(cat "$WORK/rc")"
fi
if [ "$URC" = 124 ] || [ "$URC" = 137 ]; then
  echo "run-in-uml: timed out after ${TIMEOUT}s" >&2; exit 124
fi
echo "run-in-uml: UML exited ($URC) without a result; console log tail:" >&2
tail -n 30 "$WORK/console.log" >&2
exit 125
