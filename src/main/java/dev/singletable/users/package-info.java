/**
 * Sign-up, profiles and password checks: a profile keyed by the immutable user id, with the username and email unique
 * through marker items claimed in the same transaction ({@link UserKeys}). Other features resolve usernames through
 * {@link UserDirectory}, put their items into a user's partition ({@link UserKeys#partition}), and keep the profile's
 * counters ({@link UserCounters}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Users",
        allowedDependencies = {"table", "web"})
package dev.singletable.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
