package dev.singletable.follows;

import dev.singletable.table.Slice;
import dev.singletable.table.Ulid;
import dev.singletable.users.UserDirectory;
import dev.singletable.users.UserRef;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Follow and unfollow (idempotent, only for oneself), and both directions of the relation, paged. Follower and
 * following counts are kept from the table's stream ({@link FollowCounter}).
 */
@Service
public class FollowService {

    private final FollowRepository follows;
    private final UserDirectory directory;
    private final Clock clock;

    FollowService(FollowRepository follows, UserDirectory directory, Clock clock) {
        this.follows = follows;
        this.directory = directory;
        this.clock = clock;
    }

    public void follow(AuthenticatedUser caller, String username, String other) {
        requireSelf(caller, username);
        UserRef followee = directory.require(other);
        if (followee.userId().equals(caller.userId())) {
            throw ApiException.invalidField("other", "you cannot follow yourself");
        }
        FollowItem edge = new FollowItem();
        edge.setFollowId(Ulid.next());
        edge.setFollowerId(caller.userId());
        edge.setFollowerUsername(caller.username());
        edge.setFolloweeId(followee.userId());
        edge.setFolloweeUsername(followee.username());
        edge.setCreatedAt(clock.instant());
        follows.follow(edge);
    }

    public void unfollow(AuthenticatedUser caller, String username, String other) {
        requireSelf(caller, username);
        follows.unfollow(caller.userId(), directory.requireId(other));
    }

    public Slice<FollowItem> followers(String username, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return follows.followers(directory.requireId(username), limit, startKey);
    }

    public Slice<FollowItem> following(String username, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return follows.following(directory.requireId(username), limit, startKey);
    }

    private static void requireSelf(AuthenticatedUser caller, String username) {
        if (!caller.is(username)) {
            throw ApiException.forbidden("Only " + username + " can change whom " + username + " follows");
        }
    }
}
