/*
 * netlab's pause program: the first process of a pod. It holds the pod's namespaces (network, IPC and, when
 * the pod shares it, PID) for the pod's app containers to join, and does nothing else:
 *   - as PID 1 of a shared PID namespace it inherits every orphaned process of the pod, so it reaps them
 *     (SIGCHLD -> waitpid until none is left) and no zombie accumulates;
 *   - it ends cleanly on SIGTERM or SIGINT (a PID 1 without handlers ignores them, and "docker stop" would
 *     then wait for its timeout and SIGKILL);
 *   - otherwise it sleeps in pause(), woken only by signals, using no CPU.
 * Built static (gcc -static) so the image needs nothing but this file.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_term(int sig) {
    (void)sig;
    _exit(0);
}

static void on_child(int sig) {
    (void)sig;
    int saved = errno;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    errno = saved;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        puts("netlab pause 1");
        return 0;
    }
    struct sigaction term = {0}, child = {0};
    term.sa_handler = on_term;
    sigemptyset(&term.sa_mask);
    child.sa_handler = on_child;
    sigemptyset(&child.sa_mask);
    child.sa_flags = SA_NOCLDSTOP | SA_RESTART;
    if (sigaction(SIGTERM, &term, NULL) < 0 || sigaction(SIGINT, &term, NULL) < 0 || sigaction(SIGCHLD, &child, NULL) < 0) {
        perror("pause: sigaction");
        return 1;
    }
    if (getpid() != 1) fputs("pause: not PID 1; orphans of this namespace go elsewhere\n", stderr);
    for (;;) pause();
}
