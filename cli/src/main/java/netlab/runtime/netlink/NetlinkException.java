package netlab.runtime.netlink;

/** The kernel refused a request; the message is the errno's text, as iproute2 would print it. */
final class NetlinkException extends RuntimeException {
    private final int errno;

    NetlinkException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
