package dev.singletable.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts this machine's TCP sockets on a port from Linux's {@code /proc/net/tcp} and {@code tcp6}: connections
 * that stay ESTABLISHED are reused; a growing TIME_WAIT count means a side closes connections and the client pays
 * for new ones. Returns -1 counts where /proc is not available.
 */
final class TcpConnections {

    private static final String ESTABLISHED = "01";
    private static final String TIME_WAIT = "06";

    /** Sockets on the port by state; each connection on loopback appears twice while established (both ends). */
    record Counts(int established, int timeWait) {}

    private TcpConnections() {}

    static Counts on(int port) {
        String hexPort = String.format(":%04X", port);
        int established = 0;
        int timeWait = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                return new Counts(-1, -1);
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !(fields[1].endsWith(hexPort) || fields[2].endsWith(hexPort))) {
                    continue;
                }
                if (fields[3].equals(ESTABLISHED)) {
                    established++;
                } else if (fields[3].equals(TIME_WAIT)) {
                    timeWait++;
                }
            }
        }
        return new Counts(established, timeWait);
    }
}
