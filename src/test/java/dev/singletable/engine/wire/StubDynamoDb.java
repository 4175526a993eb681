package dev.singletable.engine.wire;

import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;

/**
 * A deterministic backend for protocol tests: echoes what it received where useful, and fails on demand.
 * Operations it does not override keep the SDK interface's default (UnsupportedOperationException).
 */
class StubDynamoDb implements DynamoDbClient {

    final AtomicReference<SdkRequest> lastRequest = new AtomicReference<>();
    /** The thread the last PutItem ran on (the I/O thread's name starts with wire-io, a worker's with wire-worker). */
    final AtomicReference<String> lastPutThread = new AtomicReference<>();

    @Override
    public ListTablesResponse listTables(ListTablesRequest request) {
        lastRequest.set(request);
        return ListTablesResponse.builder().tableNames("alpha", "beta").build();
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        lastRequest.set(request);
        return ScanResponse.builder().count(0).scannedCount(0).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        lastRequest.set(request);
        lastPutThread.set(Thread.currentThread().getName());
        return PutItemResponse.builder().build();
    }

    /** Fails like a buggy engine would. */
    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        lastRequest.set(request);
        throw new IllegalStateException("engine bug");
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        lastRequest.set(request);
        return TagResourceResponse.builder().build();
    }

    @Override
    public DescribeLimitsResponse describeLimits(DescribeLimitsRequest request) {
        lastRequest.set(request);
        return DescribeLimitsResponse.builder()
                .accountMaxReadCapacityUnits(80000L)
                .tableMaxReadCapacityUnits(40000L)
                .accountMaxWriteCapacityUnits(80000L)
                .tableMaxWriteCapacityUnits(40000L)
                .build();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {}
}
