package dev.singletable.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The single seam between the service and its store: a {@link DynamoDbClient} that passes every operation to the real
 * client inside a retry (exponential backoff with jitter) and a circuit breaker, and meters each attempt. Works the
 * same whatever the store is (the bundled engine, an endpoint, AWS), because it wraps the SDK interface, not an SDK
 * pipeline.
 *
 * <p>A dynamic proxy rather than a hand-written delegate: DynamoDbClient has some sixty operations, each with
 * overloads. Operations ({@code xxx(XxxRequest)}) are guarded; the interface's convenience overloads (consumer
 * builders, paginators, waiters) run as the interface defines them, on this proxy, so the operations they end in are
 * guarded once, not twice.
 */
public final class GuardedStore implements InvocationHandler {

    private final DynamoDbClient store;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final StoreCallMetrics metrics;

    private GuardedStore(DynamoDbClient store, Retry retry, CircuitBreaker breaker, StoreCallMetrics metrics) {
        this.store = store;
        this.retry = retry;
        this.breaker = breaker;
        this.metrics = metrics;
    }

    public static DynamoDbClient guard(
            DynamoDbClient store, Retry retry, CircuitBreaker breaker, StoreCallMetrics metrics) {
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                new GuardedStore(store, retry, breaker, metrics));
    }

    /** The client a guarded client passes calls to; any other client as it is. */
    public static DynamoDbClient unguarded(DynamoDbClient client) {
        if (Proxy.isProxyClass(client.getClass()) && Proxy.getInvocationHandler(client) instanceof GuardedStore g) {
            return g.store;
        }
        return client;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "GuardedStore[" + store + "]";
            };
        }
        if (isOperation(method, args)) {
            DynamoDbRequest request = (DynamoDbRequest) args[0];
            Supplier<Object> attempt = () -> metrics.record(operationOf(request), () -> call(method, args));
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt))
                    .get();
        }
        if (method.getName().equals("waiter") && method.getParameterCount() == 0) {
            // the interface's waiter() only throws; a waiter polling through this proxy is guarded like any caller
            return DynamoDbWaiter.builder().client((DynamoDbClient) proxy).build();
        }
        if (method.isDefault() && !isLifecycle(method)) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return invokeOnStore(method, args);
    }

    private Object call(Method method, Object[] args) {
        try {
            return invokeOnStore(method, args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Object invokeOnStore(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(store, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@code XxxResponse xxx(XxxRequest)}: one request to the store. (A paginator takes a request too, but answers lazily.) */
    private static boolean isOperation(Method method, Object[] args) {
        return args != null
                && args.length == 1
                && args[0] instanceof DynamoDbRequest
                && DynamoDbResponse.class.isAssignableFrom(method.getReturnType());
    }

    /** close, serviceName, serviceClientConfiguration: the real client's own. */
    private static boolean isLifecycle(Method method) {
        return method.getParameterCount() == 0
                && (method.getName().equals("close")
                        || method.getName().equals("serviceName")
                        || method.getName().equals("serviceClientConfiguration"));
    }

    /** GetItemRequest → GetItem, as DynamoDB names its operations. */
    static String operationOf(DynamoDbRequest request) {
        String name = request.getClass().getSimpleName();
        if (name.endsWith("Request")) {
            name = name.substring(0, name.length() - "Request".length());
        }
        return name;
    }
}
