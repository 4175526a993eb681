/**
 * The DynamoDB operations themselves: item reads and writes, Query and Scan, batches, transactions, table and account
 * management. Each class takes a request as the SDK models it, checks it in DynamoDB's order, runs it against the
 * engine's catalog through its single commit path, and answers as DynamoDB does.
 */
@NullMarked
package dev.singletable.engine.ops;

import org.jspecify.annotations.NullMarked;
