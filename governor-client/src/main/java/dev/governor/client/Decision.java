package dev.governor.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The answer to {@code POST /v1/decisions}. Fields the server adds later are ignored.
 *
 * @param receipt the signed receipt the executor checks with {@link Receipts#verify} or a {@link ReceiptGuard}
 */
public record Decision(UUID decisionId, Outcome outcome, String reversibility, String blastRadius,
                       List<Reason> reasons, ApprovalRef approval, String policyVersion, OffsetDateTime decidedAt,
                       String receipt) {

    public Decision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * @param outcome what this reason alone asks for
     * @param source  the policy file and rule or table row behind it
     */
    public record Reason(String code, Outcome outcome, String message, String source) {
    }

    /** Present when an approval was opened, or when the request named one. */
    public record ApprovalRef(UUID id, ApprovalStatus status, OffsetDateTime expiresAt) {
    }
}
