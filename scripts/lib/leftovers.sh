# Sourced by the reliability scripts: what a lab may have left on the machine, each printed one per line (empty
# output = nothing left). Labs are found by their names and marks only, never by a broad pattern, so other
# people's labs on the same machine are never counted (or touched).

# Named namespaces of lab $1: its fabric netlab.LAB and its nodes netlab.LAB.NODE.
lab_namespaces() {
  ls /run/netns 2>/dev/null | grep -E "^netlab\.$1(\.|$)" || true
}

# Containers of lab $1, by netlab's label or by name, as the docker CLI sees them (nothing where no engine answers).
lab_containers() {
  docker info >/dev/null 2>&1 || return 0
  { docker ps -aq --filter "label=netlab.lab=$1"; docker ps -aq --filter "name=^netlab\.$1\."; } 2>/dev/null | sort -u
}

# Files under a state directory: records, topology copies, work files, locks.
state_files() {
  [ -d "$1" ] && find "$1" -type f || true
}

# Processes of session $1 (a netlab started with setsid, and everything it started that did not leave the session).
session_processes() {
  ps -o pid=,args= -s "$1" 2>/dev/null || true
}

# Inode numbers of the lab's namespaces (what /proc/PID/ns/net links point at), to find processes inside them later.
namespace_inodes() {
  local ns
  for ns in $(lab_namespaces "$1"); do stat -L -c %i "/run/netns/$ns" 2>/dev/null; done
}

# Processes whose network namespace has one of the inode numbers given.
processes_in_namespaces() {
  [ $# -gt 0 ] || return 0
  local p ino want=" $* "
  for p in /proc/[0-9]*; do
    ino=$(readlink "$p/ns/net" 2>/dev/null) || continue
    ino=${ino#net:[}; ino=${ino%]}
    case "$want" in *" $ino "*) echo "${p#/proc/} $(tr '\0' ' ' < "$p/cmdline" 2>/dev/null | head -c 120)" ;; esac
  done
}
