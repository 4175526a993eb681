package dev.singletable.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Resolves the usernames in request paths to users, for every feature; unknown names are 404.
 *
 * <p>The username → user id mapping is kept in a bounded in-memory cache, so that a read such as
 * {@code GET /api/users/{u}/tweets} costs one store call (its Query), not two (docs/benchmarks.md, "Service": the
 * marker's GetItem was a third of that read). This is safe because the mapping never changes during a user's life: the
 * username marker is claimed once, at sign-up, in the same transaction as the user ({@link UserRepository#create}),
 * and nothing releases or rewrites it — usernames cannot be changed (a profile update changes the display name
 * and email only) and users cannot be deleted. A cached id is therefore the id a strongly consistent read
 * would return. Only names that are taken are cached: an unknown name is asked of the store every time, since it may
 * be signed up at any moment. A feature that ever renames or deletes users must invalidate the old name's entry
 * here in the same code path.
 *
 * <p>One exception bounds each entry's life to {@value #CACHED_SECONDS} seconds: when the table is a global table
 * (docs/global-tables.md), two regions can both accept a sign-up of the same name before either hears of the other,
 * and the later write then replaces the earlier marker everywhere (last writer wins). An instance that cached the
 * loser's id would otherwise keep it for good; with the expiry it reads the winner's within a minute, as every other
 * read of that region does once replication has caught up.
 */
@Component
public class UserDirectory {

    /** Entries of a few dozen bytes each: about a megabyte at most, which covers the active users of one instance. */
    static final int MAX_CACHED_USERNAMES = 10_000;
    /** How long an id is trusted before the marker is read again (see the class comment: global tables). */
    static final long CACHED_SECONDS = 60;

    private final UserRepository users;
    private final Cache<String, String> idsByUsername;

    @Autowired
    UserDirectory(UserRepository users) {
        this(users, Ticker.systemTicker());
    }

    /** With the clock of the entries' expiry given (tests). */
    UserDirectory(UserRepository users, Ticker ticker) {
        this.users = users;
        this.idsByUsername = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED_USERNAMES)
                .expireAfterWrite(Duration.ofSeconds(CACHED_SECONDS))
                .ticker(ticker)
                .build();
    }

    /** Usernames are unique regardless of case: the form a username takes in keys and cursor bindings. */
    public static String normalize(String username) {
        return UserRepository.normalizeUsername(username);
    }

    /** The id behind a username, if it is taken: from the cache, or one GetItem on the username marker. */
    public Optional<String> findId(String username) {
        String key = normalize(username);
        String cached = idsByUsername.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = users.findIdByUsername(username);
        found.ifPresent(id -> idsByUsername.put(key, id));
        return found;
    }

    /** The user's id alone: from the cache, or one GetItem on the username marker. */
    public String requireId(String username) {
        return findId(username).orElseThrow(() -> UserService.unknownUser(username));
    }

    /** The user with the username spelled as at sign-up: the id (as {@link #findId}), then the profile. */
    public UserRef require(String username) {
        UserItem user = findId(username).flatMap(users::findById).orElseThrow(() -> UserService.unknownUser(username));
        return new UserRef(user.getUserId(), user.getUsername());
    }
}
