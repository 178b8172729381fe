package dev.governor.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** The body of {@code POST /v1/users}: a Governor-local human user. */
public record UserRequest(
        @NotBlank @Size(max = 320) @Pattern(regexp = "[^\\s,]+", message = "must not contain spaces or commas") String name,
        @NotEmpty Set<@NotNull @Pattern(regexp = "approver|policy-author|auditor|agent-admin|asset-admin|admin",
                message = "must be one of approver, policy-author, auditor, agent-admin, asset-admin, admin") String> roles) {
}
