/**
 * Following users: an adjacency list of follow edges ({@link FollowKeys}), both directions paged newest first (LSI1 for
 * whom a user follows, GSI1 for who follows them), and {@link FollowCounter}, the projector that keeps the users'
 * follower and following counts from the table's stream. The timeline reads the edges ({@link FollowRepository},
 * {@link FollowItem}) to fan tweets out.
 */
@NullMarked
@ApplicationModule(
        displayName = "Follows",
        allowedDependencies = {"streams", "table", "users", "web"})
package dev.singletable.follows;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
