package dev.singletable.support;

/** A user a test signed up, with the token of a session it opened. */
public record TestUser(String username, String email, String password, String token) {

    public String bearer() {
        return "Bearer " + token;
    }
}
