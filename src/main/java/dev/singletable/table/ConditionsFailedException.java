package dev.singletable.table;

import java.util.Set;

/**
 * A transaction was cancelled because conditions failed; {@link #labels()} names the actions whose condition failed, so
 * a caller can tell which unique value clashed or which precondition went stale.
 */
public class ConditionsFailedException extends RuntimeException {

    private final Set<String> labels;

    public ConditionsFailedException(Set<String> labels) {
        super("transaction cancelled: condition failed on " + labels);
        this.labels = Set.copyOf(labels);
    }

    public Set<String> labels() {
        return labels;
    }

    public boolean failed(String label) {
        return labels.contains(label);
    }
}
