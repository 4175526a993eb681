package dev.singletable.sessions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials for a new session. */
record LoginRequest(
        @Schema(description = "Regardless of case", example = "ann_lee") @NotBlank @Size(max = 30)
        String username,

        @Schema(example = "correct horse battery", accessMode = Schema.AccessMode.WRITE_ONLY) @NotBlank @Size(max = 72)
        String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
