package dev.singletable.engine.capacity;

import java.util.concurrent.atomic.DoubleAdder;
import org.jspecify.annotations.Nullable;

/**
 * Running totals of one table or index since the engine started: capacity units consumed (the units ConsumedCapacity
 * reports) and units refused by throttling, for reads and for writes. A monitoring system reads them as counters.
 */
public final class ResourceCapacity {

    private final String table;
    private final @Nullable String index;
    private final DoubleAdder consumedRead = new DoubleAdder();
    private final DoubleAdder consumedWrite = new DoubleAdder();
    private final DoubleAdder throttledRead = new DoubleAdder();
    private final DoubleAdder throttledWrite = new DoubleAdder();

    ResourceCapacity(String table, @Nullable String index) {
        this.table = table;
        this.index = index;
    }

    public String table() {
        return table;
    }

    /** The index name, or null for the table itself. */
    public @Nullable String index() {
        return index;
    }

    public double consumed(boolean write) {
        return (write ? consumedWrite : consumedRead).sum();
    }

    public double throttled(boolean write) {
        return (write ? throttledWrite : throttledRead).sum();
    }

    void consume(boolean write, double units) {
        if (units > 0) {
            (write ? consumedWrite : consumedRead).add(units);
        }
    }

    void throttle(boolean write, double units) {
        (write ? throttledWrite : throttledRead).add(units);
    }
}
