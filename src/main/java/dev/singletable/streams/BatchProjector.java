package dev.singletable.streams;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A projector whose writes are independent of each other and can go to the store together: the listener hands it all
 * its records of one GetRecords batch at once, before the batch is checkpointed. In endpoint mode every store call is a
 * round trip of the listener's single thread (issue 21), so one call per 25 changes instead of one per change is what
 * lets the projections keep up.
 *
 * <p>If {@link #applyAll} throws, the listener falls back to {@link #apply} one record at a time, with its retries and
 * dead letters: both must be idempotent, since the fallback rewrites what the failed batch may have written.
 */
public interface BatchProjector extends Projector {

    /** Applies every change of one batch (in stream order); throwing sends them to {@link #apply} one by one. */
    void applyAll(List<Record> records);
}
