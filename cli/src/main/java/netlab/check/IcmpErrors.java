package netlab.check;

/** ICMP and ICMPv6 errors in ping's words ("destination host unreachable"), for a probe's detail. */
final class IcmpErrors {
    private IcmpErrors() {}

    static String describe(boolean v6, int type, int code) {
        return v6 ? v6(type, code) : v4(type, code);
    }

    private static String v4(int type, int code) {
        return switch (type) {
            case 3 -> switch (code) {
                case 0 -> "destination net unreachable";
                case 1 -> "destination host unreachable";
                case 2 -> "destination protocol unreachable";
                case 3 -> "destination port unreachable";
                case 4 -> "fragmentation needed";
                case 9, 10, 13 -> "communication administratively prohibited";
                default -> "destination unreachable (code " + code + ")";
            };
            case 11 -> "time to live exceeded";
            case 12 -> "parameter problem";
            default -> "ICMP type " + type + " code " + code;
        };
    }

    private static String v6(int type, int code) {
        return switch (type) {
            case 1 -> switch (code) {
                case 0 -> "no route to destination";
                case 1 -> "communication administratively prohibited";
                case 3 -> "address unreachable";
                case 4 -> "port unreachable";
                default -> "destination unreachable (code " + code + ")";
            };
            case 3 -> "hop limit exceeded";
            case 4 -> "parameter problem";
            default -> "ICMPv6 type " + type + " code " + code;
        };
    }
}
