#!/bin/bash
# Builds the container images netlab's container and pod nodes use, locally and FROM scratch: no registry is
# needed (netlab never pulls). Each image is a root file system made here and imported with "docker import".
#
#   sudo scripts/build-images.sh [--force]
#
#   netlab/busybox:1  Debian's busybox-static with a link per applet (sh, ip, ping, wget, httpd, nc, ps...);
#                     runs "sleep infinity" unless the node gives a command, so a container node stays up
#   netlab/pause:1    images/pause/pause.c built with gcc -static: a pod's first process, which holds the pod's
#                     namespaces, reaps orphaned processes as PID 1 and exits on SIGTERM
#
# Images that exist already are kept (--force rebuilds them). Needs: a running Docker engine, busybox-static,
# gcc and libc6-dev (for the static pause binary).
set -euo pipefail
cd "$(dirname "$0")/.."
force=0
case "${1:-}" in
  --force) force=1 ;;
  "") ;;
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  *) echo "build-images.sh: unknown option $1" >&2; exit 2 ;;
esac
say() { printf 'build-images: %s\n' "$*" >&2; }
die() { printf 'build-images: %s\n' "$*" >&2; exit 3; }

docker info >/dev/null 2>&1 || die "the Docker engine is not reachable (start it: systemctl start docker, or dockerd &)"
busybox=$(command -v busybox || true)
[ -n "$busybox" ] || die "busybox is not installed (apt-get install busybox-static)"
file -L "$busybox" 2>/dev/null | grep -q 'statically linked' || ldd "$busybox" 2>&1 | grep -q 'not a dynamic' \
  || die "$busybox is not statically linked (apt-get install busybox-static)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

have() { [ "$force" = 0 ] && docker image inspect "$1" >/dev/null 2>&1; }

# Packs a root file system directory into an image; the remaining arguments are Dockerfile-style changes.
import() {
  local rootfs=$1 tag=$2; shift 2
  local changes=()
  for c in "$@"; do changes+=(--change "$c"); done
  tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -c . \
    | docker import "${changes[@]}" --change "LABEL netlab.image=$tag" - "$tag" >/dev/null
  say "built $tag ($(du -sh "$rootfs" | cut -f1))"
}

# The files every image has: a root user (ps, httpd and id want one) and the usual empty directories.
base() {
  local root=$1
  mkdir -p "$root"/{bin,etc,tmp,root,proc,sys,dev,var/run}
  chmod 1777 "$root/tmp"
  echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
  echo 'root:x:0:' > "$root/etc/group"
  echo 'hosts: files dns' > "$root/etc/nsswitch.conf"
}

if have netlab/busybox:1; then
  say "netlab/busybox:1 is there already (--force rebuilds it)"
else
  root=$work/busybox
  base "$root"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  import "$root" netlab/busybox:1 'ENV PATH=/bin' 'WORKDIR /' 'CMD ["sleep", "infinity"]'
fi

if have netlab/pause:1; then
  say "netlab/pause:1 is there already (--force rebuilds it)"
else
  command -v gcc >/dev/null || die "gcc is not installed (apt-get install gcc libc6-dev)"
  root=$work/pause
  base "$root"
  gcc -static -Os -s -Wall -Wextra -o "$root/pause" images/pause/pause.c \
    || die "cannot build the static pause program (apt-get install gcc libc6-dev)"
  import "$root" netlab/pause:1 'ENTRYPOINT ["/pause"]'
fi
