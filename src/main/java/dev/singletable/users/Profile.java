package dev.singletable.users;

/** A profile as the API returns it, with the version its ETag carries. */
public record Profile(ProfileResponse body, long version) {
}
