package dev.singletable.engine.wire;

import java.lang.invoke.MethodHandle;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One operation reachable over the wire: how to make its request builder and which backend method answers it.
 * Resolved once at start-up by {@link OperationTable}.
 */
final class WireOperation {

    private final String target;
    private final Supplier<SdkPojo> requestBuilder;
    private final boolean streams;
    private final MethodHandle method;
    private final boolean readOnly;
    private final boolean itemWrite;

    WireOperation(String target, Supplier<SdkPojo> requestBuilder, boolean streams, MethodHandle method) {
        this.target = target;
        this.requestBuilder = requestBuilder;
        this.streams = streams;
        this.method = method;
        this.readOnly = isReadOnly(target.substring(target.indexOf('.') + 1));
        this.itemWrite = !streams && isItemWrite(target.substring(target.indexOf('.') + 1));
    }

    /**
     * Whether the operation only reads, by DynamoDB's naming: Get*, BatchGet*, Query, Scan, TransactGet*,
     * Describe*, List*. ExecuteStatement is not: a PartiQL statement may write.
     */
    static boolean isReadOnly(String name) {
        return name.startsWith("Get")
                || name.startsWith("BatchGet")
                || name.equals("Query")
                || name.equals("Scan")
                || name.startsWith("TransactGet")
                || name.startsWith("Describe")
                || name.startsWith("List");
    }

    boolean readOnly() {
        return readOnly;
    }

    /**
     * Whether the operation is one of DynamoDB's item writes, which change items under the engine's commit lock and
     * nothing else: PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems. Not ExecuteStatement (a
     * PartiQL statement is planned first and may read), nor a control-plane write (CreateTable, a restore or an
     * import may copy a whole table).
     */
    static boolean isItemWrite(String name) {
        return switch (name) {
            case "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems" -> true;
            default -> false;
        };
    }

    boolean itemWrite() {
        return itemWrite;
    }

    /** The full {@code X-Amz-Target} value, e.g. {@code DynamoDB_20120810.PutItem}. */
    String target() {
        return target;
    }

    /** The operation's name, e.g. {@code PutItem} or {@code GetRecords}. */
    String name() {
        return target.substring(target.indexOf('.') + 1);
    }

    Supplier<SdkPojo> requestBuilder() {
        return requestBuilder;
    }

    /**
     * Calls the backend's DynamoDB or Streams client; whatever it throws (service errors included) propagates
     * unchanged. A backend without Streams does not know Streams operations.
     */
    SdkResponse invoke(WireBackends.Backend backend, SdkRequest request) throws Throwable {
        Object client = streams ? backend.streams() : backend.dynamo();
        if (client == null) {
            throw new UnsupportedOperationException(target);
        }
        return (SdkResponse) method.invoke(client, request);
    }
}
