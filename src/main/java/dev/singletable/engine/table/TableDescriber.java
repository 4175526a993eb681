package dev.singletable.engine.table;

import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Renders a {@link TableDefinition} plus live statistics as DynamoDB's TableDescription. */
final class TableDescriber {

    private TableDescriber() {
    }

    static TableDescription describe(TableDefinition table, TableStats stats) {
        throw new UnsupportedOperationException("not yet");
    }
}
