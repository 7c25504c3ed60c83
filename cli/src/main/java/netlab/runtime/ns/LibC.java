package netlab.runtime.ns;

/** The few libc calls netlab needs to act inside a network namespace from one of its own threads. */
public interface LibC {
    int open(String path, int flags);

    int close(int fd);

    int setns(int fd, int nstype);

    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int length);

    int connect(int fd, byte[] address, int length);

    long send(int fd, byte[] buffer, long length, int flags);

    long recv(int fd, byte[] buffer, long length, int flags);

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    int setsockopt(int fd, int level, int option, byte[] value, int length);

    int if_nametoindex(String name);

    int umount2(String target, int flags);

    String strerror(int errnum);

    /** errno as the last call of this interface on this thread left it (meaningful after a call that failed). */
    int errno();

    /**
     * recvmsg(2) with one buffer and room for control messages (a reply's hop limit): returns the length received
     * (or -1, see {@link #errno}); {@code controlLength[0]} is set to the length of the control data written.
     */
    long recvmsg(int fd, byte[] buffer, byte[] control, int[] controlLength, int flags);
}
