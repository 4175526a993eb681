package dev.singletable.sessions;

import dev.singletable.admin.AdminAccess;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.Roles;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

/** A signed-in caller's authorities: {@code ROLE_USER}, and {@code ROLE_ADMIN} when their admin item exists. */
final class CallerRoles {

    private static final List<GrantedAuthority> USER = AuthorityUtils.createAuthorityList("ROLE_" + Roles.USER);
    private static final List<GrantedAuthority> USER_AND_ADMIN =
            AuthorityUtils.createAuthorityList("ROLE_" + Roles.USER, "ROLE_" + Roles.ADMIN);

    private CallerRoles() {}

    /** One strongly consistent GetItem of the caller's admin item ({@link AdminAccess}). */
    static Collection<GrantedAuthority> of(AuthenticatedUser caller, AdminAccess admins) {
        return admins.isAdmin(caller.userId()) ? USER_AND_ADMIN : USER;
    }
}
