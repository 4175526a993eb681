/**
 * Posting, reading and deleting tweets: a tweet in its own partition, its item collection ({@link TweetKeys}), and in
 * its author's GSI1 partition, newest first; {@link TweetCounter} keeps the authors' tweet counts from the table's
 * stream. Likes and the timeline build on {@link TweetKeys}, {@link TweetItem} and {@link TweetRepository}.
 */
@NullMarked
@ApplicationModule(
        displayName = "Tweets",
        allowedDependencies = {"streams", "table", "users", "web"})
package dev.singletable.tweets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
