#!/bin/bash
# Installs netlab on a Debian/Ubuntu machine: the packages it uses, the build, the launcher on PATH, shell
# completion and man pages.
#
#   scripts/install.sh [--no-packages] [--prefix DIR]     (as root; from a user's shell it asks sudo for root)
#
# --no-packages  skip apt-get (everything already installed)
# --prefix DIR   install under DIR (default /usr/local): DIR/bin/netlab, DIR/lib/netlab/, DIR/share/man/...
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
packages=1
while [ $# -gt 0 ]; do
  case $1 in
    --no-packages) packages=0 ;;
    --prefix) prefix=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
say() { printf 'install: %s\n' "$*" >&2; }

if [ "$packages" = 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    # a user's shell with sudo: ask for root once, for the whole install; a root shell (a CI runner's) needs no sudo
    if command -v sudo >/dev/null 2>&1; then say "installing needs root: running again with sudo"; exec sudo "$0" "$@"; fi
    echo "install.sh: run as root to install packages, or pass --no-packages" >&2; exit 3
  fi
  say "installing packages (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # runtime: iproute2 (ip, bridge, tc), iptables, procps (sysctl), tcpdump (capture checks), curl (http checks),
  # busybox-static (servers in nodes and container images), etcd-server and etcd-client (a cluster's subnet table);
  # build: a JDK 17 and Maven, gcc and libc6-dev (the static pause program of netlab/pause). Container and pod nodes
  # also need a Docker engine (docker.io), not installed here.
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven iproute2 iptables procps tcpdump \
    curl busybox-static iputils-ping ca-certificates gcc libc6-dev etcd-server etcd-client >/dev/null
  # Graphviz draws 'netlab graph -f svg|png'
  apt-get install -y -qq --no-install-recommends graphviz >/dev/null
  # routing labs (routing: in a node): FRR's zebra, staticd, ospfd, bgpd and vtysh. netlab runs the daemons inside lab
  # namespaces, each node with its own paths; the host's own frr service, which the package may start under systemd
  # (zebra and staticd with an empty configuration), is never used by netlab and changes nothing by itself
  apt-get install -y -qq --no-install-recommends frr >/dev/null
  # the dns service: dnsmasq (dnsmasq-base: the program alone, no host service that would start)
  apt-get install -y -qq --no-install-recommends dnsmasq-base >/dev/null
fi

say "building (mvn package)"
mvn -B -q -DskipTests package

say "installing into $prefix"
install -d "$prefix/bin" "$prefix/lib/netlab"
install -m 0644 target/netlab.jar "$prefix/lib/netlab/netlab.jar"
install -m 0755 scripts/netlab "$prefix/bin/netlab"
# completion and man pages: the ones the build just generated from the command tree (equal to the committed ones)
docs=.
[ -d target/generated-docs ] && docs=target/generated-docs
if [ -d "$docs/completions" ]; then
  [ -f "$docs/completions/netlab.bash" ] && install -D -m 0644 "$docs/completions/netlab.bash" "$prefix/share/bash-completion/completions/netlab"
  [ -f "$docs/completions/_netlab" ] && install -D -m 0644 "$docs/completions/_netlab" "$prefix/share/zsh/site-functions/_netlab"
fi
if ls "$docs"/man/*.1 >/dev/null 2>&1; then
  install -d "$prefix/share/man/man1"
  install -m 0644 "$docs"/man/*.1 "$prefix/share/man/man1/"
fi
if ls "$docs"/man/*.5 >/dev/null 2>&1; then
  install -d "$prefix/share/man/man5"
  install -m 0644 "$docs"/man/*.5 "$prefix/share/man/man5/"
fi

# Images for container and pod nodes: built locally (netlab never pulls), where a Docker engine runs.
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  say "building netlab's container images"
  scripts/build-images.sh || say "could not build the container images (container and pod nodes need them; see above)"
else
  say "no Docker engine answers: container and pod nodes need one (apt-get install docker.io), then scripts/build-images.sh"
fi

# Start-up aids, made here because they must match this exact jar: the class-data sharing archive, and jffi's
# native stub unpacked so it is loaded in place (netlab then also works where /tmp is mounted noexec).
say "making the start-up archive (class-data sharing) and unpacking the native stub"
scripts/make-cds.sh "$prefix/lib/netlab/netlab.jar" >/dev/null || true
scripts/unpack-native.sh "$prefix/lib/netlab/netlab.jar" >/dev/null || true

say "done: $("$prefix/bin/netlab" version | head -1) at $prefix/bin/netlab"
