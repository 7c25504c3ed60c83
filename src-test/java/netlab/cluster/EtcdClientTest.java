package netlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.json.Json;
import org.junit.jupiter.api.Test;

/** What netlab sends etcdctl and reads back from it (captured from etcdctl 3.4). */
class EtcdClientTest {
    @Test
    void aLeaseIsACompareAndSetTransaction() {
        assertThat(EtcdClient.txn("/k", "{\"a\":1}")).isEqualTo("create(\"/k\") = \"0\"\n\nput /k {\"a\":1}\n\nget /k\n\n");
    }

    @Test
    void decodesKeysAndValuesFromBase64() {
        String get = "{\"header\":{\"cluster_id\":2037210783374497686,\"member_id\":13195394291058371180,\"revision\":2,\"raft_term\":2},"
                + "\"kvs\":[{\"key\":\"L2NvcmVvcy5jb20vbmV0d29yay9zdWJuZXRzLzEwLjEuMTUuMC0yNA==\",\"create_revision\":2,\"mod_revision\":2,"
                + "\"version\":1,\"value\":\"eyJQdWJsaWNJUCI6IjE5Mi4xNjguMC4xMSJ9\"}],\"count\":1}";
        assertThat(EtcdClient.kvs(Json.parse(get))).containsExactly(
                java.util.Map.entry("/coreos.com/network/subnets/10.1.15.0-24", "{\"PublicIP\":\"192.168.0.11\"}"));
        assertThat(EtcdClient.kvs(Json.parse("{\"header\":{\"revision\":2}}"))).as("nothing under the prefix").isEmpty();
    }

    @Test
    void runsEtcdctlInsideTheNamespaceAgainstTheLabAddress() {
        EtcdClient c = new EtcdClient(null, "netlab.lab.node1", "http://192.168.0.2:2379");
        assertThat(c.argv("get", "--prefix", "/coreos.com/network/subnets/", "-w", "json")).isEqualTo(List.of("ip", "netns", "exec",
                "netlab.lab.node1", "etcdctl", "--endpoints=http://192.168.0.2:2379", "--dial-timeout=2s", "--command-timeout=5s", "get",
                "--prefix", "/coreos.com/network/subnets/", "-w", "json"));
        assertThat(c.shell("put", "/coreos.com/network/config", "{\"Network\":\"10.1.0.0/16\"}")).endsWith(
                "put /coreos.com/network/config '{\"Network\":\"10.1.0.0/16\"}'");
    }
}
