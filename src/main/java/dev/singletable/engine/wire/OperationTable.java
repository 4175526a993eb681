package dev.singletable.engine.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Maps {@code X-Amz-Target} values [1] to backend methods. Every method of the client interface that takes a single
 * model request becomes an operation named after the request type ({@code PutItemRequest} is {@code PutItem}), so
 * operations added to the SDK are served without any change here. Operations are bound to the interfaces, not to an
 * object: each request is invoked on the backend its credential scope chooses ({@link WireBackends}).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html">DynamoDB low-level API</a>
 */
final class OperationTable {

    static final String DYNAMODB_PREFIX = "DynamoDB_20120810.";
    static final String STREAMS_PREFIX = "DynamoDBStreams_20120810.";

    private final Map<String, WireOperation> byTarget;

    private OperationTable(Map<String, WireOperation> byTarget) {
        this.byTarget = Map.copyOf(byTarget);
    }

    /** DynamoDB's operations, and Streams' when {@code withStreams}; each is invoked on a backend chosen per request. */
    static OperationTable of(boolean withStreams) {
        Map<String, WireOperation> operations = new HashMap<>();
        register(operations, DYNAMODB_PREFIX, DynamoDbClient.class, false);
        if (withStreams) {
            register(operations, STREAMS_PREFIX, DynamoDbStreamsClient.class, true);
        }
        return new OperationTable(operations);
    }

    /** The operation for a target header value, or null when there is none (AWS: UnknownOperationException). */
    @Nullable
    WireOperation find(@Nullable String target) {
        return target == null ? null : byTarget.get(target);
    }

    int size() {
        return byTarget.size();
    }

    private static void register(
            Map<String, WireOperation> operations, String prefix, Class<?> clientInterface, boolean streams) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (Method method : clientInterface.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1) {
                continue;
            }
            Class<?> requestType = method.getParameterTypes()[0];
            if (!SdkRequest.class.isAssignableFrom(requestType)
                    || !SdkResponse.class.isAssignableFrom(method.getReturnType())) {
                continue;
            }
            String name = requestType.getSimpleName();
            if (!name.endsWith("Request")) {
                continue;
            }
            String target = prefix + name.substring(0, name.length() - "Request".length());
            try {
                MethodHandle handle = lookup.unreflect(method)
                        .asType(MethodType.methodType(SdkResponse.class, Object.class, SdkRequest.class));
                operations.put(target, new WireOperation(target, builderFactory(requestType), streams, handle));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot bind " + method, e);
            }
        }
    }

    /** The request type's static {@code builder()}: its builders are SdkPojos describing every member. */
    private static Supplier<SdkPojo> builderFactory(Class<?> requestType) throws ReflectiveOperationException {
        MethodHandle builder = MethodHandles.publicLookup()
                .findStatic(
                        requestType,
                        "builder",
                        MethodType.methodType(requestType.getMethod("builder").getReturnType()))
                .asType(MethodType.methodType(SdkPojo.class));
        return () -> {
            try {
                return (SdkPojo) builder.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException("cannot create a builder for " + requestType.getName(), e);
            }
        };
    }
}
