package netlab.doctor;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.errors.NetlabException;

/** Whether this process may create namespaces and configure networks (CAP_NET_ADMIN and CAP_SYS_ADMIN). */
public final class Privileges {
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    private Privileges() {}

    public static boolean sufficient() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    BigInteger caps = new BigInteger(line.substring(7).trim(), 16);
                    return caps.testBit(CAP_NET_ADMIN) && caps.testBit(CAP_SYS_ADMIN);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    public static void require() {
        if (!sufficient()) {
            throw NetlabException.environment("not root: netlab needs CAP_NET_ADMIN and CAP_SYS_ADMIN to build labs; run it with sudo");
        }
    }
}
