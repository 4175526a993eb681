package dev.singletable.users;

import java.util.regex.Pattern;

/** Input rules shared by the user requests. */
final class UserConstraints {

    /** ASCII only, so that "unique regardless of case" has one obvious meaning. */
    static final String USERNAME = "^[A-Za-z0-9_]{3,30}$";

    static final Pattern USERNAME_PATTERN = Pattern.compile(USERNAME);
    static final String USERNAME_MESSAGE = "must be 3 to 30 letters, digits or underscores";
    static final String NOT_BLANK = "(?s).*\\S.*";

    /**
     * Whether a name could belong to a user at all. A name in a request path that could not is nobody's, and is never
     * looked up: a key built from it may be over DynamoDB's key-size limit, which the store refuses with an error.
     */
    static boolean couldBeUsername(String name) {
        return USERNAME_PATTERN.matcher(name).matches();
    }

    private UserConstraints() {}
}
