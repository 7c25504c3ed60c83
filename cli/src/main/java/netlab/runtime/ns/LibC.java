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

    int if_nametoindex(String name);

    String strerror(int errnum);
}
