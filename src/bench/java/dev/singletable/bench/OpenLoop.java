package dev.singletable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Requests at a fixed rate whatever the answers' speed (open loop): request k is due at start + k / rate, and its
 * latency is measured from that due time, not from when it was sent, so a stalled service is charged for every
 * request it delayed (no coordinated omission). Sender threads each own one keep-alive connection and take the next
 * due request when free, so a slow answer delays only what no other connection could take.
 */
final class OpenLoop {

    record Result(long done, long errors, double seconds, Histogram histogram) {

        double rate() {
            return done / seconds;
        }
    }

    private final String host;
    private final int port;
    private final int connections;

    OpenLoop(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.connections = connections;
    }

    /** Sends {@code rate * seconds} requests, the k-th being {@code requests.apply(k)}. */
    Result run(int rate, int seconds, LongFunction<byte[]> requests) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long total = (long) rate * seconds;
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 20_000_000;
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        List<Future<Long>> done = new ArrayList<>();
        for (int s = 0; s < connections; s++) {
            done.add(senders.submit(() -> {
                long count = 0;
                try (HttpConnection connection = new HttpConnection(host, port)) {
                    for (long k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                        long due = start + (long) (k * interval);
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        byte[] request = requests.apply(k);
                        try {
                            HttpConnection.Answer answer = connection.exchange(request);
                            if (answer.status() >= 300 && errors.incrementAndGet() <= 3) {
                                System.out.println("  error: HTTP " + answer.status() + " " + answer.errorBody());
                            }
                        } catch (Exception e) {
                            connection.close();
                            if (errors.incrementAndGet() <= 3) {
                                System.out.println("  error: " + e);
                            }
                        }
                        recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
                        count++;
                    }
                }
                return count;
            }));
        }
        long count = 0;
        for (Future<Long> f : done) {
            count += f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        senders.shutdown();
        return new Result(count, errors.get(), elapsed, recorder.getIntervalHistogram());
    }
}
