package dev.singletable.users;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves the usernames in request paths to users, for every feature; unknown names are 404. */
@Component
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    /** Usernames are unique regardless of case: the form a username takes in keys and cursor bindings. */
    public static String normalize(String username) {
        return UserRepository.normalizeUsername(username);
    }

    /** The id behind a username, if it is taken: one GetItem on the username marker. */
    public Optional<String> findId(String username) {
        return users.findIdByUsername(username);
    }

    /** The user's id alone: one GetItem on the username marker. */
    public String requireId(String username) {
        return users.findIdByUsername(username).orElseThrow(() -> UserService.unknownUser(username));
    }

    /** The user with the username spelled as at sign-up: the marker, then the profile. */
    public UserRef require(String username) {
        UserItem user = users.findByUsername(username).orElseThrow(() -> UserService.unknownUser(username));
        return new UserRef(user.getUserId(), user.getUsername());
    }
}
