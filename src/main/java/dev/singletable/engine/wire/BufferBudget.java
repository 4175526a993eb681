package dev.singletable.engine.wire;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The request bytes every connection of a server together may hold: each body buffer reserves its capacity before
 * it grows, and gives it back once its request has been answered (or its connection dropped).
 */
final class BufferBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BufferBudget(long limit) {
        this.limit = limit;
    }

    /** Takes {@code bytes} from the budget, or nothing and false when that would go beyond the limit. */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (now + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        if (bytes > 0) {
            used.addAndGet(-bytes);
        }
    }

    long used() {
        return used.get();
    }
}
