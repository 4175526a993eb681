package dev.singletable.admin;

import dev.singletable.table.Conditions;
import dev.singletable.table.SingleTable;
import java.time.Instant;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Who is an admin: one strongly consistent GetItem of the caller's role item. The sessions module turns the answer into
 * the {@code ADMIN} authority of a signed-in caller, and the security configuration, not this class, refuses others.
 */
@Component
public class AdminAccess {

    private final DynamoDbTable<AdminRoleItem> roles;

    AdminAccess(SingleTable table) {
        this.roles = table.of(AdminRoleItem.SCHEMA);
    }

    public boolean isAdmin(String userId) {
        return roles.getItem(r -> r.key(AdminKeys.role(userId)).consistentRead(true)) != null;
    }

    /** Grants the role; granting it twice keeps the first grant. */
    public void grant(String userId, Instant now) {
        AdminRoleItem role = new AdminRoleItem();
        role.setUserId(userId);
        role.setGrantedAt(now);
        try {
            roles.putItem(r -> r.item(role).conditionExpression(Conditions.NEW_ITEM));
        } catch (ConditionalCheckFailedException alreadyAdmin) {
            // the goal is reached
        }
    }
}
