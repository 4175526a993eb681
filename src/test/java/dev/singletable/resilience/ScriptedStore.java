package dev.singletable.resilience;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/** A fake store that fails with the errors a test queues up, then answers; it counts what reached it. */
class ScriptedStore implements DynamoDbClient {

    private final Deque<RuntimeException> failures = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();
    boolean closed;

    ScriptedStore failWith(RuntimeException... errors) {
        failures.addAll(java.util.List.of(errors));
        return this;
    }

    /** Fails every call with this error, for as long as the test runs. */
    ScriptedStore alwaysFailWith(RuntimeException error) {
        for (int i = 0; i < 1000; i++) {
            failures.add(error);
        }
        return this;
    }

    private void next() {
        calls.incrementAndGet();
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        next();
        return GetItemResponse.builder().build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        next();
        return PutItemResponse.builder().build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        next();
        return QueryResponse.builder().count(0).build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        next();
        return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        next();
        return DescribeTableResponse.builder()
                .table(t -> t.tableName(request.tableName()).tableStatus(TableStatus.ACTIVE))
                .build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
        closed = true;
    }
}
