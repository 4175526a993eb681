/**
 * The home timeline, fanned out on write: {@link TimelineProjector} copies a new tweet into every follower's feed from
 * the table's stream (and backfills or cleans up on follow and unfollow); reading a timeline is one Query of the
 * reader's feed partition ({@link FeedKeys}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Home timeline",
        allowedDependencies = {"follows", "streams", "table", "tweets", "web"})
package dev.singletable.timeline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
