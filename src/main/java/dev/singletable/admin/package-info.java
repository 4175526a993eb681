/**
 * The admin role and the first admin account. A user is an admin when their item collection holds the role item
 * ({@link AdminKeys}: {@code USER#<userId>} / {@code ROLE#ADMIN}); {@link AdminAccess} answers "is this caller an admin"
 * with one strongly consistent GetItem, for the features whose endpoints are admin-only. {@link FirstAdminBootstrap}
 * signs the configured admin up ({@code singletable.admin.*}) and grants the role once.
 */
@NullMarked
@ApplicationModule(
        displayName = "Admin",
        allowedDependencies = {"table", "users", "web"})
package dev.singletable.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
