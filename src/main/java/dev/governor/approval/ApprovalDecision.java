package dev.governor.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /v1/approvals/{id}/approve} and {@code .../reject}: who decides, and why. */
public record ApprovalDecision(
        @NotBlank @Size(max = 320) String approver,
        @Size(max = 2000) String comment) {
}
