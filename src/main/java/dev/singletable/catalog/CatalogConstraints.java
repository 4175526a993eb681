package dev.singletable.catalog;

/** Shapes of catalog values that end up in keys: they must be safe inside {@code #}-joined key strings. */
final class CatalogConstraints {

    static final String SKU = "^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$";
    static final String SKU_MESSAGE = "must be 1 to 40 letters, digits, '-' or '_', starting with a letter or digit";
    static final String CATEGORY = "^[a-z0-9][a-z0-9-]{0,39}$";
    static final String CATEGORY_MESSAGE = "must be 1 to 40 lower-case letters, digits or '-'";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private CatalogConstraints() {}
}
