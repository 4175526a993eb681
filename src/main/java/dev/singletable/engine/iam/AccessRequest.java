package dev.singletable.engine.iam;

import java.util.List;
import java.util.Map;

/**
 * One authorization a request needs: an action on a resource with the request's condition keys (keyed in lower
 * case). A request may need several: a BatchGetItem one per table, a TransactWriteItems one per item.
 *
 * @param action        {@code dynamodb:GetItem}
 * @param resource      the ARN of the table, index, stream or backup, or {@code *}
 * @param resourceAccount the account owning the resource (null for {@code *}: the caller's)
 * @param keys          the request's condition keys ({@code dynamodb:leadingkeys} ...)
 * @param table         the definition of the table the resource belongs to, when the mapping looked it up (its
 *                      resource-based policies are then read from it without a second look-up), else null
 */
public record AccessRequest(
        String action,
        String resource,
        String resourceAccount,
        Map<String, List<String>> keys,
        dev.singletable.engine.table.TableDefinition table) {

    public AccessRequest(String action, String resource, String resourceAccount, Map<String, List<String>> keys) {
        this(action, resource, resourceAccount, keys, null);
    }
}
