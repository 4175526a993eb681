package dev.singletable.admin;

import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import dev.singletable.users.UserKeys;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The admin role of one user ({@link AdminKeys}: {@code PK = USER#<userId>}, {@code SK = ROLE#ADMIN}). */
@NullUnmarked
@DynamoDbBean
class AdminRoleItem extends TableItem {

    static final TableSchema<AdminRoleItem> SCHEMA = schema(AdminRoleItem.class, MethodHandles.lookup());

    private String userId;
    private Instant grantedAt;

    public AdminRoleItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(AdminKeys.ENTITY_TYPE, UserKeys.partition(userId), AdminKeys.ADMIN_ROLE);
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public void setGrantedAt(Instant grantedAt) {
        this.grantedAt = grantedAt;
    }
}
