package dev.singletable.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin account, created on the first start that finds these set and the username free. All three are
 * needed; without them no admin exists.
 *
 * @param username the first admin's username (3-30 letters, digits or underscores)
 * @param email    the first admin's e-mail address
 * @param password the first admin's password (stored as a bcrypt hash)
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
