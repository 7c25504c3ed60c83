#!/bin/bash
# Unpacks the native stub of jffi (the library netlab calls libc with: setns, netlink sockets) beside the jar,
# in JAR's directory under jni/. The launcher points jffi there, so each start loads it in place; without it
# jffi copies the stub out of the jar into a temporary file, checksums it and loads that copy, every start
# (about 10 ms of `netlab up`, `down` and `status`). Made for the exact jar it comes from: the launcher only
# uses it when it is newer than the jar, and jffi falls back to its own copy when the stub does not load.
#
#   scripts/unpack-native.sh path/to/netlab.jar
set -euo pipefail
jar=$(readlink -f "$1")
dir=${jar%/*}
work=$(mktemp -d "$dir/.jni.XXXXXX")
trap 'rm -rf "$work"' EXIT
# only the Linux stubs are packaged (pom.xml); extract them all: jffi picks its platform's directory itself
(cd "$work" && jar xf "$jar" jni/)
[ -n "$(ls "$work/jni" 2>/dev/null)" ] || { echo "unpack-native: no jni/ stubs in $jar" >&2; exit 1; }
chmod -R go-w "$work/jni"
touch "$work/jni"   # the launcher compares this directory's time with the jar's (jar keeps the entries' old times)
# swapped by renames, so a netlab starting meanwhile sees whole stubs or none (then jffi makes its own copy)
rm -rf "$dir/jni.old"
[ -d "$dir/jni" ] && mv "$dir/jni" "$dir/jni.old"
mv "$work/jni" "$dir/jni"
rm -rf "$dir/jni.old"
echo "unpacked $(find "$dir/jni" -name '*.so' | wc -l) native stubs into $dir/jni"
