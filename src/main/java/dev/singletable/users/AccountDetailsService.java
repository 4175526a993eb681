package dev.singletable.users;

import dev.singletable.table.ConditionsFailedException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for Spring Security's password authentication (usernames match regardless of case): the username
 * marker, then the user's credentials item. A user written before credentials had their own item has the hash in the
 * profile instead; the first look-up moves it there (migration on read), so no profile keeps a hash for long.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountDetailsService.class);

    private final UserRepository users;
    private final Clock clock;

    AccountDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Account loadUserByUsername(String username) {
        UserItem user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String hash = users.findCredentials(user.getUserId())
                .map(CredentialsItem::getPasswordHash)
                .orElseGet(() -> legacyHash(user));
        return new Account(user.getUserId(), user.getUsername(), hash);
    }

    private String legacyHash(UserItem user) {
        String hash = user.getPasswordHash();
        if (hash == null) {
            // Neither place holds a hash: the account cannot log in (and must not with any password).
            throw new UsernameNotFoundException("no credentials");
        }
        try {
            users.moveLegacyHash(user.getUserId(), hash, clock.instant());
            log.info("Moved the password hash of user {} from the profile to its credentials item", user.getUserId());
        } catch (ConditionsFailedException movedMeanwhile) {
            // Another log-in moved it, or the hash changed: this look-up still checks the hash it read.
        }
        return hash;
    }
}
