package dev.singletable.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin account, created on the first start that finds these set and the username free. All three are
 * needed; without them no admin exists.
 */
@ConfigurationProperties("singletable.admin")
record AdminProperties(String username, String email, String password) {

    public boolean configured() {
        return present(username) && present(email) && present(password);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
