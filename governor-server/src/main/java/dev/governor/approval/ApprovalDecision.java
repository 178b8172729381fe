package dev.governor.approval;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/approvals/{id}/approve} and {@code .../reject}. The approver is the
 * authenticated caller; {@code approver} is optional and, when given, must name that caller.
 */
public record ApprovalDecision(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = 320) String approver,
        @Size(max = 2000) String comment) {
}
