package dev.singletable.engine.core;

import java.util.List;

/**
 * Sees every committed unit of item changes, in commit order, while the commit lock is held: the seam where the
 * write-ahead log and the table streams attach. A transaction arrives as one call.
 */
public interface CommitListener {

    void committed(List<ItemChange> changes, long commitTimeMillis);
}
