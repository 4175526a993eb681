package dev.singletable.engine.iam;

import dev.singletable.engine.table.TableDefinition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One authorization a request needs [1]: an action on a resource with the request's condition keys (keyed in lower
 * case). A request may need several: a BatchGetItem one per table, a TransactWriteItems one per item. An
 * authorization mapped by {@link RequestAccess} is also the context its statements are evaluated against (the
 * request's keys, then the principal's), and the keys of a single-item request, a Query or a Scan are computed only
 * when a policy asks for them ({@link ItemAccess}).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html">Actions,
 * resources, and condition keys for Amazon DynamoDB</a>
 */
public class AccessRequest implements ContextKeys {

    private final String action;
    private final String resource;
    private final @Nullable String resourceAccount;
    private final @Nullable TableDefinition table;
    private final Map<String, List<String>> principalKeys;
    private final Map<String, List<String>> keys;

    /**
     * @param action          {@code dynamodb:GetItem}
     * @param resource        the ARN of the table, index, stream or backup, or {@code *}
     * @param resourceAccount the account owning the resource (null for {@code *}: the caller's)
     * @param keys            the request's condition keys ({@code dynamodb:leadingkeys} ...)
     */
    public AccessRequest(
            String action, String resource, @Nullable String resourceAccount, Map<String, List<String>> keys) {
        this(action, resource, resourceAccount, null, Map.of(), keys);
    }

    /**
     * @param table         the definition of the table the resource belongs to, when the mapping looked it up (its
     *                      resource-based policies are then read from it without a second look-up), else null
     * @param principalKeys the caller's own context keys, consulted after the request's
     */
    AccessRequest(
            String action,
            String resource,
            @Nullable String resourceAccount,
            @Nullable TableDefinition table,
            Map<String, List<String>> principalKeys,
            Map<String, List<String>> keys) {
        this.action = action;
        this.resource = resource;
        this.resourceAccount = resourceAccount;
        this.table = table;
        this.principalKeys = principalKeys;
        this.keys = keys;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    public @Nullable String resourceAccount() {
        return resourceAccount;
    }

    @Nullable
    TableDefinition table() {
        return table;
    }

    /** Every condition key of the request with its values. */
    public Map<String, List<String>> keys() {
        return keys;
    }

    /** The values of one of the request's own condition keys (lower case), or null when the request has none. */
    @Nullable
    List<String> requestKey(String lowerCaseKey) {
        return keys.get(lowerCaseKey);
    }

    @Override
    public final @Nullable List<String> lowerCaseValues(String lowerCaseKey) {
        List<String> v = requestKey(lowerCaseKey);
        return v != null ? v : principalKeys.get(lowerCaseKey);
    }
}
