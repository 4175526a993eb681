package dev.singletable.engine.core;

import dev.singletable.engine.table.TableDefinition;
import java.util.List;

/**
 * Where every mutation of the engine is recorded before it takes effect: the write-ahead log of a durable engine.
 * The engine calls the recording methods under its commit lock, in commit order, BEFORE applying the change, each
 * with the mutation's sequence number; a method that throws vetoes the mutation. {@link #awaitDurable} is called
 * after the lock is released, so that writers waiting for the disk do not hold up the writers behind them (which is
 * what lets group commit group).
 */
public interface Journal {

    /** Keeps nothing: an in-memory engine. */
    Journal NONE = new Journal() {
        @Override
        public void items(long sequence, long timeMillis, List<ItemChange> changes) {}

        @Override
        public void tableCreated(long sequence, long timeMillis, TableDefinition definition) {}

        @Override
        public void tableRedefined(long sequence, long timeMillis, TableDefinition definition) {}

        @Override
        public void tableDropped(long sequence, long timeMillis, String tableName) {}

        @Override
        public void extension(long sequence, long timeMillis, int kind, byte[] payload) {}

        @Override
        public void awaitDurable(long sequence) {}

        @Override
        public long acknowledged() {
            return 0; // never asked: without a journal, mutations are visible as they are made
        }
    };

    void items(long sequence, long timeMillis, List<ItemChange> changes);

    void tableCreated(long sequence, long timeMillis, TableDefinition definition);

    void tableRedefined(long sequence, long timeMillis, TableDefinition definition);

    void tableDropped(long sequence, long timeMillis, String tableName);

    /** A record of a subsystem outside the catalog (backups, continuous-backup settings), opaque to the engine. */
    void extension(long sequence, long timeMillis, int kind, byte[] payload);

    /** Returns once every mutation up to this sequence number is durable under the journal's sync policy. */
    void awaitDurable(long sequence);

    /**
     * The highest sequence number up to which every mutation is as durable as the sync policy promises (what
     * {@link #awaitDurable} waits for): readers may see mutations up to it.
     */
    long acknowledged();
}
