package dev.singletable.users;

/** A user as other features refer to one: the immutable id, and the username as chosen at sign-up. */
public record UserRef(String userId, String username) {}
