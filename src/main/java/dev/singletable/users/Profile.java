package dev.singletable.users;

/** A profile as the API returns it to one caller, with its ETag: a digest of that body (docs/api.md, "ETags"). */
record Profile(ProfileResponse body, String etag) {}
