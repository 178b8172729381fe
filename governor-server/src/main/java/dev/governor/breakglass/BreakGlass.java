package dev.governor.breakglass;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A break-glass exception as the API shows it; {@code status} (and {@code active}) is judged at
 * the time of the answer, so an exception past its end reads EXPIRED without anything running.
 */
public record BreakGlass(UUID id, String agentId, String owner, List<String> actionTypes, List<String> targets,
                         List<String> reasonCodes, String justification, ExceptionStatus status, boolean active,
                         String requestedBy, Instant requestedAt, Instant until, List<Approval> approvals,
                         Instant activatedAt, String revokedBy, Instant revokedAt, String revokeReason) {

    /** One of the two sign-offs. */
    public record Approval(String approver, Instant approvedAt, String comment) {
    }

    static BreakGlass of(ExceptionEntity e, Instant now) {
        ExceptionStatus status = e.statusAt(now);
        return new BreakGlass(e.id, e.agentId, e.owner, ExceptionEntity.split(e.actionTypes),
                ExceptionEntity.split(e.targets), ExceptionEntity.split(e.reasonCodes), e.justification, status,
                status == ExceptionStatus.ACTIVE, e.requestedBy, e.requestedAt, e.endsAt, approvals(e),
                e.secondApprovedAt, e.revokedBy, e.revokedAt, e.revokeReason);
    }

    static List<Approval> approvals(ExceptionEntity e) {
        List<Approval> out = new ArrayList<>(2);
        if (e.firstApprover != null) out.add(new Approval(e.firstApprover, e.firstApprovedAt, e.firstComment));
        if (e.secondApprover != null) out.add(new Approval(e.secondApprover, e.secondApprovedAt, e.secondComment));
        return out;
    }

    /**
     * The row as its audit records bind it: the stored columns only (the status as stored, not
     * as read at some instant), so {@code GET /v1/audit/verify} can recompute it at any time.
     */
    record Form(UUID id, String agentId, String owner, List<String> actionTypes, List<String> targets,
                List<String> reasonCodes, String justification, ExceptionStatus status, String requestedBy,
                Instant requestedAt, Instant until, List<Approval> approvals, String revokedBy, Instant revokedAt,
                String revokeReason) {

        static final String KIND = "policy_exception";

        static Form of(ExceptionEntity e) {
            return new Form(e.id, e.agentId, e.owner, ExceptionEntity.split(e.actionTypes),
                    ExceptionEntity.split(e.targets), ExceptionEntity.split(e.reasonCodes), e.justification, e.status,
                    e.requestedBy, e.requestedAt, e.endsAt, BreakGlass.approvals(e), e.revokedBy, e.revokedAt, e.revokeReason);
        }
    }
}
