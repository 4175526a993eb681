package dev.singletable.engine.policy;

import org.jspecify.annotations.Nullable;

/**
 * The resource-based policy attached to a table or to one of its streams, as DynamoDB keeps it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html).
 * A policy evaluator reads {@link #statements()}; the engine stores only the canonical text.
 *
 * @param resourceArn the table's or the stream's ARN
 * @param document    the canonical document ({@link PolicyDocuments#canonical}), or null once the policy was deleted
 *                    (the revision of the deletion is kept: DynamoDB reports it to a later DeleteResourcePolicy and
 *                    compares ExpectedRevisionId with it)
 * @param revisionId  when the policy last changed, in epoch milliseconds as DynamoDB's revision ids are
 */
public record ResourcePolicy(String resourceArn, @Nullable String document, String revisionId) {

    /** Whether a policy is attached (not merely the trace of a deleted one). */
    public boolean attached() {
        return document != null;
    }

    /** The document as GetResourcePolicy returns it. */
    public @Nullable String readBack() {
        return PolicyDocuments.readBack(document);
    }

    /** The document's statements, each a map of its elements in canonical order (Effect, Principal, Action, ...). */
    public java.util.List<java.util.Map<String, Object>> statements() {
        return PolicyDocuments.statements(document);
    }
}
