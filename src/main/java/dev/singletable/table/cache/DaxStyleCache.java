package dev.singletable.table.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A {@link DynamoDbClient} in front of another with the caching rules of Amazon DynamoDB Accelerator (DAX), so that
 * the service shows DAX's behaviour, good and bad, on any store. The rules, from AWS's DAX developer guide:
 * <ol>
 *   <li>An <b>item cache</b> answers GetItem and BatchGetItem (each key of a batch as its own GetItem). A miss reads
 *       the store eventually consistently and keeps the item for the item TTL; while it is kept, the store is not
 *       asked again, so a write that bypasses the cache is not seen until the TTL ends.
 *       [1] https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html#DAX.consistency.item-cache</li>
 *   <li>A <b>query cache</b> answers Query and Scan, keyed by the whole request (table, index, conditions, limit,
 *       start key...). Writes, through the cache or not, neither update nor invalidate it: a Query repeated after a
 *       write returns the old result until the query TTL ends. [1]#DAX.consistency.query-cache</li>
 *   <li><b>Write-through</b>: PutItem, UpdateItem, DeleteItem and BatchWriteItem go to the store first; only when it
 *       succeeded does the item cache change (a failed or conditional-check-failed write changes nothing). Writes do
 *       not touch the query cache. [1]#DAX.consistency.item-cache.writes</li>
 *   <li><b>Strongly consistent reads pass through</b> (ConsistentRead=true on GetItem, BatchGetItem, Query, Scan) and
 *       are not cached; so does TransactGetItems. [1]#DAX.consistency.strongly-consistent-reads</li>
 *   <li><b>Negative caching</b>: an item that does not exist, and an empty Query or Scan result, is cached like any
 *       other result, until its TTL ends or (for the item cache) a write through the cache changes the item.
 *       [1]#DAX.consistency.negative-caching</li>
 *   <li>Each cache has its own TTL (5 minutes by default) and evicts the least recently used entries when full.
 *       [2] https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/dax-config-considerations.html</li>
 * </ol>
 * Where this decorator is simpler than DAX, it errs towards fresher data: an UpdateItem whose caller did not ask for
 * {@code ReturnValues=ALL_NEW}, a DeleteItem and every item a successful TransactWriteItems writes are evicted from the
 * item cache (the next read fetches them) instead of being refreshed in place; GetItem and BatchGetItem with a
 * projection pass through. Every other operation (control plane, TransactGetItems, PartiQL) passes through unchanged.
 * A miss stores what it read only if no write through the cache stored a newer item meanwhile; a read that raced an
 * evicting write (UpdateItem without ALL_NEW, a transaction) can still keep the item as it was before that write, until
 * the item TTL: the same window DAX documents for reads that race writes made around it.
 *
 * <p>Caffeine holds both caches, bounded by an estimated weight in bytes ({@link ItemWeights}), expiring after write
 * on the given {@link Ticker} (tests move it instead of sleeping), with statistics on; {@link #bindTo} exports them.
 */
public final class DaxStyleCache {

    /** Which of the two caches a meter or a statistic is about. */
    public enum Kind {
        ITEM,
        QUERY
    }

    private final DynamoDbClient store;
    private final Cache<ItemKey, Optional<Map<String, AttributeValue>>> items;
    private final Cache<Object, Object> queries;
    private final LongAdder itemPassThroughs = new LongAdder();
    private final LongAdder queryPassThroughs = new LongAdder();
    private final Map<String, List<String>> keyAttributes = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    private DaxStyleCache(DynamoDbClient store, CacheSettings settings, Ticker ticker) {
        this.store = store;
        this.items = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run) // maintenance on the caller: evictions happen at once, deterministically
                .expireAfterWrite(settings.itemTtl())
                .maximumWeight(settings.itemMaxBytes())
                .<ItemKey, Optional<Map<String, AttributeValue>>>weigher((key, item) -> ItemWeights.ofItem(key.key())
                        + item.map(ItemWeights::ofItem).orElse(0))
                .recordStats()
                .build();
        this.queries = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfterWrite(settings.queryTtl())
                .maximumWeight(settings.queryMaxBytes())
                .weigher((Object request, Object result) -> ItemWeights.ofItems(itemsOf(result)))
                .recordStats()
                .build();
        this.client = (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, new Dispatch());
    }

    /** A cache in front of {@code store}; its TTLs count on {@code ticker} ({@link Ticker#systemTicker()} in use). */
    public static DaxStyleCache over(DynamoDbClient store, CacheSettings settings, Ticker ticker) {
        return new DaxStyleCache(store, settings, ticker);
    }

    /** The cache as a client: use it where a DAX client would be used. Closing it leaves the store open. */
    public DynamoDbClient client() {
        return client;
    }

    public CacheStats stats(Kind kind) {
        return kind == Kind.ITEM ? items.stats() : queries.stats();
    }

    /** Reads this cache did not answer because they must not be cached (strongly consistent, projected). */
    public long passThroughs(Kind kind) {
        return passThroughCounter(kind).sum();
    }

    /**
     * Hits, misses, evictions and size per cache as Micrometer's Caffeine meters ({@code cache.gets},
     * {@code cache.evictions}, ... tagged {@code cache=dax.item | dax.query}), and {@code singletable.cache.pass.throughs}
     * with the same tag (docs/operations.md).
     */
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, items, cacheName(Kind.ITEM));
        CaffeineCacheMetrics.monitor(registry, queries, cacheName(Kind.QUERY));
        for (Kind kind : Kind.values()) {
            FunctionCounter.builder("singletable.cache.pass.throughs", passThroughCounter(kind), LongAdder::sum)
                    .description("reads the cache passed to the store uncached: strongly consistent, projected, "
                            + "transactional")
                    .tag("cache", cacheName(kind))
                    .register(registry);
        }
    }

    private LongAdder passThroughCounter(Kind kind) {
        return kind == Kind.ITEM ? itemPassThroughs : queryPassThroughs;
    }

    static String cacheName(Kind kind) {
        return kind == Kind.ITEM ? "dax.item" : "dax.query";
    }

    // ---- item cache: GetItem, BatchGetItem ----

    GetItemResponse getItem(GetItemRequest request) {
        if (Boolean.TRUE.equals(request.consistentRead()) || projects(request)) {
            itemPassThroughs.increment();
            return store.getItem(request);
        }
        ItemKey key = new ItemKey(request.tableName(), request.key());
        Optional<Map<String, AttributeValue>> cached = items.getIfPresent(key);
        if (cached != null) {
            GetItemResponse.Builder hit = GetItemResponse.builder();
            cached.ifPresent(hit::item);
            return hit.build();
        }
        GetItemResponse read = store.getItem(request);
        // putIfAbsent: a write through the cache that finished while this read was under way has the newer item
        items.asMap()
                .putIfAbsent(
                        key, read.hasItem() && !read.item().isEmpty() ? Optional.of(read.item()) : Optional.empty());
        return read;
    }

    BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        Map<String, List<Map<String, AttributeValue>>> found = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> toRead = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> table : request.requestItems().entrySet()) {
            KeysAndAttributes wanted = table.getValue();
            if (Boolean.TRUE.equals(wanted.consistentRead())
                    || wanted.hasAttributesToGet()
                    || wanted.projectionExpression() != null) {
                itemPassThroughs.add(wanted.keys().size());
                toRead.put(table.getKey(), wanted);
                continue;
            }
            List<Map<String, AttributeValue>> misses = new ArrayList<>();
            for (Map<String, AttributeValue> key : wanted.keys()) {
                Optional<Map<String, AttributeValue>> cached = items.getIfPresent(new ItemKey(table.getKey(), key));
                if (cached == null) {
                    misses.add(key);
                } else {
                    cached.ifPresent(item -> found.computeIfAbsent(table.getKey(), t -> new ArrayList<>())
                            .add(item));
                }
            }
            if (!misses.isEmpty()) {
                toRead.put(table.getKey(), wanted.toBuilder().keys(misses).build());
            }
        }
        if (toRead.isEmpty()) {
            return BatchGetItemResponse.builder()
                    .responses(found)
                    .unprocessedKeys(Map.of())
                    .build();
        }
        BatchGetItemResponse read =
                store.batchGetItem(request.toBuilder().requestItems(toRead).build());
        for (Map.Entry<String, KeysAndAttributes> table : toRead.entrySet()) {
            KeysAndAttributes asked = table.getValue();
            List<Map<String, AttributeValue>> returned = read.responses().getOrDefault(table.getKey(), List.of());
            found.computeIfAbsent(table.getKey(), t -> new ArrayList<>()).addAll(returned);
            if (Boolean.TRUE.equals(asked.consistentRead())
                    || asked.hasAttributesToGet()
                    || asked.projectionExpression() != null) {
                continue;
            }
            KeysAndAttributes unprocessed = read.unprocessedKeys().get(table.getKey());
            for (Map<String, AttributeValue> key : asked.keys()) {
                if (unprocessed != null && unprocessed.keys().contains(key)) {
                    continue; // not read: nothing learnt about it
                }
                items.asMap()
                        .putIfAbsent(
                                new ItemKey(table.getKey(), key),
                                returned.stream()
                                        .filter(item -> item.entrySet().containsAll(key.entrySet()))
                                        .findFirst());
            }
        }
        return read.toBuilder().responses(found).build();
    }

    private static boolean projects(GetItemRequest request) {
        return request.hasAttributesToGet() || request.projectionExpression() != null;
    }

    // ---- query cache: Query, Scan ----

    QueryResponse query(QueryRequest request) {
        return listing(request, request.consistentRead(), request.toBuilder(), store::query, QueryResponse.class);
    }

    ScanResponse scan(ScanRequest request) {
        return listing(request, request.consistentRead(), request.toBuilder(), store::scan, ScanResponse.class);
    }

    /**
     * A Query or Scan through the query cache: a consistent one passes through; any other is answered from the
     * cache, keyed by the request without its per-call override configuration (which does not change the answer),
     * or read and kept.
     */
    private <R, S> S listing(
            R request, @Nullable Boolean consistentRead, AwsRequest.Builder copy, Function<R, S> read, Class<S> type) {
        if (Boolean.TRUE.equals(consistentRead)) {
            queryPassThroughs.increment();
            return read.apply(request);
        }
        Object key = copy.overrideConfiguration((AwsRequestOverrideConfiguration) null)
                .build();
        Object cached = queries.getIfPresent(key);
        if (type.isInstance(cached)) {
            return type.cast(cached);
        }
        S answer = read.apply(request);
        queries.put(key, answer);
        return answer;
    }

    private static List<Map<String, AttributeValue>> itemsOf(Object result) {
        if (result instanceof QueryResponse query) {
            return query.items();
        }
        return ((ScanResponse) result).items();
    }

    // ---- write-through: the store first, then the item cache; never the query cache ----

    PutItemResponse putItem(PutItemRequest request) {
        PutItemResponse written = store.putItem(request);
        items.put(
                new ItemKey(request.tableName(), keyOf(request.tableName(), request.item())),
                Optional.of(request.item()));
        return written;
    }

    UpdateItemResponse updateItem(UpdateItemRequest request) {
        UpdateItemResponse written = store.updateItem(request);
        ItemKey key = new ItemKey(request.tableName(), request.key());
        if (request.returnValues() == ReturnValue.ALL_NEW && written.hasAttributes()) {
            items.put(key, Optional.of(written.attributes()));
        } else {
            items.invalidate(key); // the whole new item is not known here: the next read fetches it
        }
        return written;
    }

    DeleteItemResponse deleteItem(DeleteItemRequest request) {
        DeleteItemResponse written = store.deleteItem(request);
        items.invalidate(new ItemKey(request.tableName(), request.key()));
        return written;
    }

    BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        BatchWriteItemResponse written = store.batchWriteItem(request);
        for (Map.Entry<String, List<WriteRequest>> table :
                request.requestItems().entrySet()) {
            List<WriteRequest> unprocessed = written.unprocessedItems().getOrDefault(table.getKey(), List.of());
            for (WriteRequest write : table.getValue()) {
                if (unprocessed.contains(write)) {
                    continue; // not written: the cache keeps what it had
                }
                if (write.putRequest() != null) {
                    Map<String, AttributeValue> item = write.putRequest().item();
                    items.put(new ItemKey(table.getKey(), keyOf(table.getKey(), item)), Optional.of(item));
                } else if (write.deleteRequest() != null) {
                    items.invalidate(
                            new ItemKey(table.getKey(), write.deleteRequest().key()));
                }
            }
        }
        return written;
    }

    TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        TransactWriteItemsResponse written = store.transactWriteItems(request);
        for (TransactWriteItem action : request.transactItems()) {
            if (action.put() != null) {
                items.invalidate(new ItemKey(
                        action.put().tableName(),
                        keyOf(action.put().tableName(), action.put().item())));
            } else if (action.update() != null) {
                items.invalidate(
                        new ItemKey(action.update().tableName(), action.update().key()));
            } else if (action.delete() != null) {
                items.invalidate(
                        new ItemKey(action.delete().tableName(), action.delete().key()));
            }
        }
        return written;
    }

    /** An item's primary key: the table's key attributes, learnt once per table from DescribeTable. */
    private Map<String, AttributeValue> keyOf(String table, Map<String, AttributeValue> item) {
        List<String> names = keyAttributes.computeIfAbsent(
                table, t -> store.describeTable(r -> r.tableName(t)).table().keySchema().stream()
                        .map(KeySchemaElement::attributeName)
                        .toList());
        Map<String, AttributeValue> key = new HashMap<>();
        for (String name : names) {
            AttributeValue value = item.get(name);
            if (value != null) {
                key.put(name, value);
            }
        }
        return key;
    }

    /**
     * Routes the SDK's operations: the ones above to this cache, TransactGetItems and everything else to the store.
     * The interface's convenience overloads (consumer builders, paginators) run as it defines them, on the proxy, so
     * they end in the operations above.
     */
    private final class Dispatch implements InvocationHandler {

        @Override
        public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
            if (ProxyIdentity.handles(method)) {
                return ProxyIdentity.answer(proxy, method, args, "DaxStyleCache[" + store + "]");
            }
            if (args != null && args.length == 1) {
                Object request = args[0];
                if (request instanceof GetItemRequest r) {
                    return getItem(r);
                } else if (request instanceof BatchGetItemRequest r) {
                    return batchGetItem(r);
                } else if (request instanceof QueryRequest r && method.getName().equals("query")) {
                    return query(r);
                } else if (request instanceof ScanRequest r && method.getName().equals("scan")) {
                    return scan(r);
                } else if (request instanceof PutItemRequest r) {
                    return putItem(r);
                } else if (request instanceof UpdateItemRequest r) {
                    return updateItem(r);
                } else if (request instanceof DeleteItemRequest r) {
                    return deleteItem(r);
                } else if (request instanceof BatchWriteItemRequest r
                        && method.getName().equals("batchWriteItem")) {
                    return batchWriteItem(r);
                } else if (request instanceof TransactWriteItemsRequest r) {
                    return transactWriteItems(r);
                } else if (request instanceof TransactGetItemsRequest) {
                    itemPassThroughs.increment();
                }
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                return null; // the store belongs to whoever made it
            }
            if (method.getName().equals("waiter") && method.getParameterCount() == 0) {
                return DynamoDbWaiter.builder().client((DynamoDbClient) proxy).build();
            }
            if (method.isDefault() && !isOperation(method, args) && method.getParameterCount() > 0) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /**
         * {@code XxxResponse xxx(XxxRequest)}: one request, for the store (the interface's own bodies of these only
         * throw). Convenience overloads (consumer builders, paginators) are the interface's and run on the proxy.
         */
        private static boolean isOperation(Method method, Object @Nullable [] args) {
            return args != null
                    && args.length == 1
                    && args[0] instanceof DynamoDbRequest
                    && DynamoDbResponse.class.isAssignableFrom(method.getReturnType());
        }
    }
}
