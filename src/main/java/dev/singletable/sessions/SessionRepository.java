package dev.singletable.sessions;

import dev.singletable.table.Conditions;
import dev.singletable.table.SingleTable;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** Sessions by id: PutItem, GetItem (strongly consistent: a logout must take effect at once), DeleteItem. */
@Repository
class SessionRepository {

    private final DynamoDbTable<SessionItem> sessions;

    SessionRepository(SingleTable table) {
        this.sessions = table.of(SessionItem.SCHEMA);
    }

    public void create(SessionItem session) {
        sessions.putItem(r -> r.item(session).conditionExpression(Conditions.NEW_ITEM));
    }

    public Optional<SessionItem> find(String sessionId) {
        return Optional.ofNullable(
                sessions.getItem(r -> r.key(SessionKeys.session(sessionId)).consistentRead(true)));
    }

    public void delete(String sessionId) {
        sessions.deleteItem(SessionKeys.session(sessionId));
    }
}
