package dev.singletable.table.cache;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A client whose item writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) go through a cache
 * and whose every other call (reads, control plane) goes straight to the store. The service's ordinary reads must not
 * be cached, but its writes must reach the cache, or the reads that are cached would show an item as it was before
 * the service itself changed it: AWS's guide calls writing around DAX a strategy for bulk loads that leaves the item
 * cache out of sync (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html#DAX.consistency.strategies-for-writes).
 * With a DAX cluster the cache is the DAX client; locally it is a {@link DaxStyleCache}.
 */
public final class WriteThrough implements InvocationHandler {

    private static final Set<Class<?>> WRITES = Set.of(
            PutItemRequest.class,
            UpdateItemRequest.class,
            DeleteItemRequest.class,
            BatchWriteItemRequest.class,
            TransactWriteItemsRequest.class);

    private final DynamoDbClient store;
    private final DynamoDbClient cache;

    private WriteThrough(DynamoDbClient store, DynamoDbClient cache) {
        this.store = store;
        this.cache = cache;
    }

    /** {@code store} for everything but writes, which go to {@code cache}. Closing it closes neither. */
    public static DynamoDbClient route(DynamoDbClient store, DynamoDbClient cache) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                new WriteThrough(store, cache));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
        if (ProxyIdentity.handles(method)) {
            return ProxyIdentity.answer(proxy, method, args, "WriteThrough[" + cache + "]");
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
        }
        boolean write = args != null && args.length == 1 && args[0] != null && WRITES.contains(args[0].getClass());
        if (!write
                && method.isDefault()
                && args != null
                && args.length == 1
                && !(args[0] instanceof software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest)) {
            // a consumer-builder overload: build the request here, so that a write built this way is routed too
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        try {
            return method.invoke(write ? cache : store, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
