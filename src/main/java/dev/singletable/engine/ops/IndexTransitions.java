package dev.singletable.engine.ops;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;

/**
 * Moves global indexes out of CREATING and DELETING. UpdateTable answers with a new index CREATING and a deleted one
 * DELETING, as AWS does; the new index is backfilled inside the update. Without transient statuses the definition is
 * settled at once (the index ACTIVE, the deleted one gone); with them the unsettled definition is stored — so
 * DescribeTable shows the statuses and reads of the new index are refused while it is "backfilling" — and settled
 * here (by a timer that compares the engine's clock with each due time) once twice the delay has passed (on AWS the table is UPDATING while the index is set up and ACTIVE again while
 * it is backfilled, so an index stays CREATING longer than its table stays UPDATING), as one more logged
 * redefinition. A definition left unsettled by a stop is settled when the engine opens again.
 * The index statuses are those UpdateTable and DescribeTable report [1], [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html">DescribeTable</a>
 */
public final class IndexTransitions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IndexTransitions.class.getName());

    private final Engine engine;
    private final long delayMillis;
    /** Tables with indexes to settle, and from when (engine clock, so that tests can move it). */
    private final Map<Table, Long> due = new ConcurrentHashMap<>();

    private @Nullable ScheduledExecutorService timer; // started by the first index that needs settling
    private boolean closed;

    public IndexTransitions(Engine engine) {
        this.engine = engine;
        this.delayMillis = engine.options().transientStatusDelay().toMillis();
    }

    /** Stores an UpdateTable's definition: settled now, or unsettled and settled after the delay. */
    void apply(Table table, TableDefinition updated) {
        if (delayMillis <= 0) {
            engine.redefine(table, settled(updated));
            return;
        }
        engine.redefine(table, updated);
        if (settled(updated) != updated) {
            schedule(table);
        }
    }

    /** Settles every table whose definition still has a CREATING or DELETING index (at start-up, after recovery). */
    public void settleAll() {
        for (Table table : List.copyOf(engine.tables().values())) {
            settle(table);
        }
    }

    private synchronized void schedule(Table table) {
        if (closed) {
            return; // the engine is closing: the definition is settled when it opens again
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "singletable-index-transitions");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::settleDue, 25, 25, TimeUnit.MILLISECONDS);
        }
        due.put(table, engine.nowMillis() + 2 * delayMillis);
    }

    /** Settles what is due; runs on the timer every 25 ms once an index has been scheduled. */
    private void settleDue() {
        long now = engine.nowMillis();
        due.forEach((table, at) -> {
            if (now >= at && due.remove(table, at)) {
                try {
                    settle(table);
                } catch (RuntimeException e) {
                    // not fatal to the timer: the index stays as it is and is settled at the next start
                    LOG.log(System.Logger.Level.WARNING, "could not settle the indexes of table " + table.name(), e);
                }
            }
        });
    }

    private void settle(Table table) {
        engine.exclusive(() -> {
            if (engine.table(table.name()) != table) {
                return null; // deleted meanwhile
            }
            TableDefinition current = table.definition();
            TableDefinition settled = settled(current);
            if (settled != current) {
                engine.redefine(table, settled);
            }
            return null;
        });
    }

    /** New indexes ACTIVE (they are already backfilled), deleted ones gone. */
    static TableDefinition settled(TableDefinition definition) {
        TableDefinition out = definition;
        for (IndexDef index : definition.globalIndexes()) {
            if (index.status() == IndexStatus.CREATING) {
                out = out.withIndexStatus(index.name(), IndexStatus.ACTIVE, false);
            } else if (index.status() == IndexStatus.DELETING) {
                out = out.withoutIndex(index.name());
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
