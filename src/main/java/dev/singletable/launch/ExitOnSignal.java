package dev.singletable.launch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Makes SIGTERM and Ctrl-C (SIGINT) a normal stop: {@code System.exit(0)}, which runs the shutdown hooks (Spring
 * closes the context: the wire server answers the requests it holds, the engine writes its snapshot and releases its
 * directory, the log is flushed) and then ends with status 0. Without it the JVM runs the same hooks but reports
 * 128 + the signal's number (143 for SIGTERM), which supervisors, CI scripts and {@code docker stop} read as a crash.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the only way to change the JVM's answer to a
 * signal; where it cannot be installed (a JVM started with {@code -Xrs}, or a signal the parent process ignores)
 * the JVM's own handling stays, hooks included.
 */
final class ExitOnSignal {

    private static final Logger log = LoggerFactory.getLogger(ExitOnSignal.class);

    private ExitOnSignal() {}

    static void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("SIG{} received: stopping", signal.getName());
                    System.exit(0);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                log.debug("SIG{} keeps the JVM's own handling: {}", name, e.getMessage());
            }
        }
    }
}
