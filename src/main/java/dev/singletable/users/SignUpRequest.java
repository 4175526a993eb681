package dev.singletable.users;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a new user sends to sign up. */
public record SignUpRequest(
        @Schema(
                description = "3 to 30 letters, digits or underscores; unique regardless of case; cannot change later",
                example = "ann_lee")
        @NotNull
        @Pattern(regexp = UserConstraints.USERNAME, message = UserConstraints.USERNAME_MESSAGE)
        String username,

        @Schema(description = "Unique regardless of case; never shown to other users", example = "ann@example.com")
        @NotNull
        @Email
        @Size(max = 254)
        String email,

        @Schema(description = "The name shown on the profile", example = "Ann Lee")
        @NotNull
        @Size(max = 50)
        @Pattern(regexp = UserConstraints.NOT_BLANK, message = "must not be blank")
        String displayName,

        @Schema(
                description = "8 to 72 characters; stored only as a bcrypt hash",
                example = "correct horse battery",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @NotNull
        @Size(min = 8, max = 72)
        String password) {

    @Override
    public String toString() {
        return "SignUpRequest[username=" + username + ", email=" + email + ", displayName=" + displayName + "]";
    }
}
