package dev.singletable.catalog;

/** A product as the API returns it, with its ETag: a digest of that body (docs/api.md, "ETags"). */
public record Product(ProductResponse body, String etag) {}
