/**
 * Liking tweets: a like lives in the tweet's item collection ({@link LikeKeys}), put or deleted in one transaction with
 * a check that the tweet exists ({@link LikeRepository}); {@link LikeCounter} keeps the tweet's like count from the
 * table's stream.
 */
@NullMarked
@ApplicationModule(
        displayName = "Likes",
        allowedDependencies = {"streams", "table", "tweets", "web"})
package dev.singletable.likes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
