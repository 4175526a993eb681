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
    private final Object backend;
    private final MethodHandle method;

    WireOperation(String target, Supplier<SdkPojo> requestBuilder, Object backend, MethodHandle method) {
        this.target = target;
        this.requestBuilder = requestBuilder;
        this.backend = backend;
        this.method = method;
    }

    /** The full {@code X-Amz-Target} value, e.g. {@code DynamoDB_20120810.PutItem}. */
    String target() {
        return target;
    }

    Supplier<SdkPojo> requestBuilder() {
        return requestBuilder;
    }

    /** Calls the backend; whatever it throws (service errors included) propagates unchanged. */
    SdkResponse invoke(SdkRequest request) throws Throwable {
        return (SdkResponse) method.invoke(backend, request);
    }
}
