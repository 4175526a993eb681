package dev.singletable.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a JVM's JIT compiler threads have used, read from Linux's {@code /proc/<pid>/task/*}: the warm-up of a
 * wire benchmark lasts until the client's and the server's compilers have gone quiet, because a fresh JVM spends
 * seconds of CPU compiling the SDK's and the server's paths, which a fixed short warm-up measured as the operation's
 * own cost. Returns -1 where {@code /proc} is not available.
 */
final class JitCpu {

    /** Clock ticks per second of /proc's utime/stime: 100 on every Linux this runs on (USER_HZ). */
    private static final long TICK_NANOS = 10_000_000L;

    private JitCpu() {}

    static long nanos(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8)
                            .trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += cpuTicks(Files.readString(thread.resolve("stat"), StandardCharsets.UTF_8));
                    }
                } catch (IOException gone) {
                    // a compiler thread can exit between listing and reading (they are added and removed on demand)
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * TICK_NANOS;
    }

    /** utime + stime: fields 14 and 15 of a stat line, counted after the parenthesised thread name. */
    private static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
