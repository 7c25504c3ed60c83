# Sourced by the reliability scripts. host_snapshot prints the state of the host's root network namespace that
# netlab must never change: links, addresses, routes, rules, firewall, net.* sysctls. Two snapshots are equal
# byte for byte unless something changed the host. Only what changes by itself is blanked, each for a reason:
#
# - bridge timers (hello_timer, tcn_timer, topology_change_timer, gc_timer of docker0) count down on their own;
# - promiscuity / allmulti counts and the PROMISC flag rise while anyone captures packets on the host (tcpdump
#   on eth0); netlab's captures run inside lab namespaces and never touch the host's interfaces;
# - address lifetimes (valid_lft/preferred_lft of a DHCP or SLAAC address) and route expiry (RA routes) tick;
# - iptables chain counters [packets:bytes] and nft "counter packets N bytes M" count the host's own traffic;
#   iptables-save's "# Generated/Completed on DATE" comments carry the time;
# - net.netfilter.nf_conntrack_count is the number of connections the host itself has open right now.
#
# Kept on purpose: everything else, including docker0 and Docker's iptables chains (Docker touches neither for
# containers started with networking off, as netlab starts them), every sysctl value, and the list of links.
# The loaded kernel modules are listed too: on a kernel that loads modules on demand, the first GRE tunnel in any
# namespace loads ip_gre, and the kernel then adds its fallback devices (gre0, gretap0, erspan0) to every
# namespace, the host's included, where they stay. That is a change to the host, and the list says what caused it.
host_snapshot() {
  echo "### kernel modules"
  cut -d' ' -f1 /proc/modules 2>/dev/null | sort
  echo "### ip -d link"
  ip -d link show | sed -E -e 's/(hello_timer|tcn_timer|topology_change_timer|gc_timer) +[0-9.]+/\1 -/g' \
    -e 's/(promiscuity|allmulti) [0-9]+/\1 -/g' -e 's/,PROMISC//; s/<PROMISC,/</'
  echo "### ip addr"
  ip addr show | sed -E 's/valid_lft [^ ]+ preferred_lft [^ ]+/lft -/'
  echo "### ip route"
  ip -4 route show table all 2>/dev/null
  ip -6 route show table all 2>/dev/null | sed -E 's/ expires [^ ]+//'
  echo "### ip rule"
  ip -4 rule show 2>/dev/null
  ip -6 rule show 2>/dev/null
  echo "### iptables-save"
  { iptables-save; ip6tables-save; } 2>/dev/null | grep -v '^#' | sed -E 's/\[[0-9]+:[0-9]+\]$/[-]/'
  echo "### nft list ruleset"
  nft list ruleset 2>/dev/null | sed -E 's/counter packets [0-9]+ bytes [0-9]+/counter/'
  echo "### sysctl net.*"
  sysctl -a 2>/dev/null | grep '^net\.' | grep -v '^net\.netfilter\.nf_conntrack_count ='
}
