package dev.singletable.users;

import dev.singletable.table.ConditionsFailedException;
import dev.singletable.table.Ulid;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ETags;
import dev.singletable.web.RepresentationTags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Sign-up, profiles and profile changes. */
@Service
public class UserService {

    private final UserRepository users;
    private final UserDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final RepresentationTags tags;
    private final Clock clock;

    UserService(
            UserRepository users,
            UserDirectory directory,
            PasswordEncoder passwordEncoder,
            RepresentationTags tags,
            Clock clock) {
        this.users = users;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.tags = tags;
        this.clock = clock;
    }

    /** Creates the user; 409 naming the fields whose values are taken. */
    public Profile signUp(SignUpRequest request) {
        if (!UserConstraints.couldBeUsername(request.username())) {
            // The controller validated the request; a caller inside the service (the first admin's configuration)
            // may not have, and a user whose name could never be looked up would be created for nothing.
            throw ApiException.invalidField("username", UserConstraints.USERNAME_MESSAGE);
        }
        String userId = Ulid.next();
        UserItem user = UserItem.withId(userId);
        user.setUsername(request.username());
        user.setEmail(request.email().trim());
        user.setDisplayName(request.displayName().strip());
        user.setCreatedAt(clock.instant());
        user.setFollowers(0L);
        user.setFollowing(0L);
        user.setTweets(0L);
        try {
            users.create(
                    user, CredentialsItem.of(userId, passwordEncoder.encode(request.password()), user.getCreatedAt()));
        } catch (ConditionsFailedException clash) {
            List<String> fields = new ArrayList<>();
            if (clash.failed(UserRepository.USERNAME)) {
                fields.add("username");
            }
            if (clash.failed(UserRepository.EMAIL)) {
                fields.add("email");
            }
            throw ApiException.alreadyTaken(fields);
        }
        return profile(reread(user.getUserId()), true);
    }

    /**
     * The profile; the email only when the caller is the user. Another user's view is a public profile, which may come
     * from the read cache (UserRepository#findPublicProfile); the owner reads their own consistently, since their next
     * change must name it as it is (If-Match). The username's id comes from {@link UserDirectory} (one marker read per
     * name and minute, not one per request: the id is what a consistent read of the marker returns, see there).
     */
    public Profile profile(String username, @Nullable AuthenticatedUser caller) {
        String userId = directory.requireId(username);
        boolean self = caller != null && caller.userId().equals(userId);
        UserItem user = (self ? users.findById(userId) : users.findPublicProfile(userId))
                .orElseThrow(() -> unknownUser(username));
        return profile(user, self);
    }

    /**
     * Applies a merge patch if {@code ifMatch} names the profile as its owner sees it now (the ETag of their own GET,
     * counters and order totals included): 403 for another user's profile, 428 without
     * If-Match, 412 when stale (also when another change wins the race), 409 when the new email is taken.
     */
    public Profile update(
            AuthenticatedUser caller, String username, @Nullable String ifMatch, UpdateProfileRequest patch) {
        if (!caller.is(username)) {
            throw ApiException.forbidden("Only " + username + " can change this profile");
        }
        String tag = ETags.requirePresent(ifMatch, "profile");
        UserItem current = users.findById(caller.userId()).orElseThrow(() -> unknownUser(username));
        Profile now = profile(current, true);
        ETags.requireCurrent(tag, now.etag(), "profile");
        UserItem changes = UserItem.withId(current.getUserId());
        changes.setVersion(current.getVersion());
        boolean changed = false;
        if (patch.displayName() != null && !patch.displayName().strip().equals(current.getDisplayName())) {
            changes.setDisplayName(patch.displayName().strip());
            changed = true;
        }
        String oldEmail = null;
        if (patch.email() != null && !patch.email().trim().equals(current.getEmail())) {
            changes.setEmail(patch.email().trim());
            changed = true;
            if (!Objects.equals(
                    UserRepository.normalizeEmail(patch.email()), UserRepository.normalizeEmail(current.getEmail()))) {
                oldEmail = current.getEmail(); // a new address, not just new capitals: move its marker
            }
        }
        if (!changed) {
            return now;
        }
        try { // the version condition catches a racing patch; a counter moved by the stream meanwhile loses nothing
            users.update(changes, oldEmail);
        } catch (ConditionsFailedException failed) {
            if (failed.failed(UserRepository.USER) || failed.failed(UserRepository.OLD_EMAIL)) {
                throw ETags.stale("profile");
            }
            throw ApiException.alreadyTaken(List.of("email"));
        }
        return profile(reread(current.getUserId()), true);
    }

    private UserItem reread(String userId) {
        return users.findById(userId).orElseThrow(() -> new IllegalStateException("user " + userId + " vanished"));
    }

    private Profile profile(UserItem user, boolean self) {
        ProfileResponse body = ProfileResponse.of(user, self);
        return new Profile(body, tags.of(body));
    }

    static ApiException unknownUser(String username) {
        return ApiException.notFound("No user named " + username);
    }
}
