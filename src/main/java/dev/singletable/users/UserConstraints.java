package dev.singletable.users;

/** Input rules shared by the user requests. */
final class UserConstraints {

    /** ASCII only, so that "unique regardless of case" has one obvious meaning. */
    static final String USERNAME = "^[A-Za-z0-9_]{3,30}$";
    static final String USERNAME_MESSAGE = "must be 3 to 30 letters, digits or underscores";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private UserConstraints() {
    }
}
