package dev.singletable.engine.table;

/**
 * Which operation a TableDescription answers. DynamoDB returns slightly different subsets: CreateTable omits the warm
 * throughput and the pay-per-request timestamp it has not settled yet; DeleteTable returns only the table's identity,
 * status, capacity and size, without key schema, attribute definitions or indexes.
 */
public enum DescribeView {
    DESCRIBE,
    CREATE,
    UPDATE,
    DELETE
}
