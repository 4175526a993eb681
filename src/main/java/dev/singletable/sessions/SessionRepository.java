package dev.singletable.sessions;

import dev.singletable.table.SingleTable;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;

/** Sessions by id: PutItem, GetItem (strongly consistent: a logout must take effect at once), DeleteItem. */
@Repository
class SessionRepository {

    private static final Expression NEW_ITEM = Expression.builder()
            .expression("attribute_not_exists(#pk)")
            .expressionNames(Map.of("#pk", SingleTable.PK))
            .build();

    private final DynamoDbTable<SessionItem> sessions;

    SessionRepository(SingleTable table) {
        this.sessions = table.of(SessionItem.SCHEMA);
    }

    public void create(SessionItem session) {
        sessions.putItem(r -> r.item(session).conditionExpression(NEW_ITEM));
    }

    public Optional<SessionItem> find(String sessionId) {
        return Optional.ofNullable(sessions.getItem(r -> r.key(SessionKeys.session(sessionId)).consistentRead(true)));
    }

    public void delete(String sessionId) {
        sessions.deleteItem(SessionKeys.session(sessionId));
    }
}
