package dev.singletable.users;

/** A profile as the API returns it, with the version its ETag carries. */
record Profile(ProfileResponse body, long version) {
}
