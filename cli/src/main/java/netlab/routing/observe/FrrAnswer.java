package netlab.routing.observe;

/**
 * What vtysh answered to one question in one node.
 *
 * @param daemonRunning false when the daemon that answers it does not run ({@code ospfd is not running}): then
 *                      FRR knows nothing of that protocol in the node, which is an observation, not a failure
 * @param json          the answer; empty when the daemon does not run
 */
public record FrrAnswer(String node, FrrShow question, boolean daemonRunning, String json) {}
