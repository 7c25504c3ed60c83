package netlab.services;

import java.util.Set;
import netlab.kind.Kind;
import netlab.plan.Service;
import netlab.yaml.Fields;

/** One kind of service: the key that selects it in a node's {@code services:} list and how to read its settings. */
public interface ServiceKind extends Kind {
    @Override
    String key();

    /** Keys allowed inside the kind's mapping. */
    Set<String> fields();

    /**
     * Reads the kind's mapping (empty when the service is written as its bare key, {@code - http}).
     *
     * @param where what the mapping is, for messages ("the http service of node 'web'")
     */
    Service parse(Fields fields, String where);
}
