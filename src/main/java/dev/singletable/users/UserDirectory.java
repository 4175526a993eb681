package dev.singletable.users;

import org.springframework.stereotype.Component;

/** Resolves the usernames in request paths to users, for every feature; unknown names are 404. */
@Component
public class UserDirectory {

    private final UserRepository users;

    public UserDirectory(UserRepository users) {
        this.users = users;
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
