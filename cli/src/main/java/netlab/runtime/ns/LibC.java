package netlab.runtime.ns;

/** The few libc calls netlab needs to act inside a network namespace from one of its own threads. */
public interface LibC {
    int open(String path, int flags);

    int close(int fd);

    int setns(int fd, int nstype);

    int socket(int domain, int type, int protocol);

    int bind(int fd, byte[] address, int length);

    long send(int fd, byte[] buffer, long length, int flags);

    long recv(int fd, byte[] buffer, long length, int flags);

    long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength);

    int setsockopt(int fd, int level, int option, byte[] value, int length);

    int if_nametoindex(String name);

    int umount2(String target, int flags);

    String strerror(int errnum);
}
