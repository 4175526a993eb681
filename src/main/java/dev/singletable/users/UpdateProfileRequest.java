package dev.singletable.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A merge patch of the profile: absent fields stay as they are. The username cannot change. */
record UpdateProfileRequest(
        @Schema(description = "A new display name", example = "Ann L.", nullable = true)
        @Size(max = 50)
        @Pattern(regexp = UserConstraints.NOT_BLANK, message = "must not be blank")
        String displayName,

        @Schema(
                description = "A new email; must not belong to another user",
                example = "ann.lee@example.com",
                nullable = true)
        @Email
        @Size(max = 254)
        String email) {}
