package dev.singletable.web;

/**
 * The API's roles, as Spring Security knows them (authority {@code ROLE_<name>}): every signed-in caller is a
 * {@link #USER}; a caller whose admin item exists is also an {@link #ADMIN}; the Prometheus scraper's credentials have
 * {@link #METRICS} alone. The security configuration (sessions) says which role may call what.
 */
public final class Roles {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";
    public static final String METRICS = "METRICS";

    private Roles() {}
}
