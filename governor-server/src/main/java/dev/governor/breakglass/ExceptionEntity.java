package dev.governor.breakglass;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Persistent form of a break-glass exception; never leaves this package (the service hands out {@link BreakGlass}). */
@Entity
@Table(name = "policy_exceptions")
class ExceptionEntity {

    @Id
    UUID id;

    @Column(name = "agent_id", nullable = false)
    String agentId;

    /** The agent's owner when asked: the approvals must come from other people. */
    @Column(nullable = false)
    String owner;

    @Column(name = "action_types", nullable = false)
    String actionTypes;

    @Column(nullable = false)
    String targets;

    @Column(name = "reason_codes", nullable = false)
    String reasonCodes;

    @Column(nullable = false)
    String justification;

    /** PENDING, ACTIVE or REVOKED; EXPIRED is never stored (see {@link #statusAt}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ExceptionStatus status;

    @Column(name = "requested_by", nullable = false)
    String requestedBy;

    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;

    @Column(name = "ends_at", nullable = false)
    Instant endsAt;

    @Column(name = "first_approver")
    String firstApprover;

    @Column(name = "first_approved_at")
    Instant firstApprovedAt;

    @Column(name = "first_comment")
    String firstComment;

    @Column(name = "second_approver")
    String secondApprover;

    @Column(name = "second_approved_at")
    Instant secondApprovedAt;

    @Column(name = "second_comment")
    String secondComment;

    @Column(name = "revoked_by")
    String revokedBy;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "revoke_reason")
    String revokeReason;

    ExceptionStatus statusAt(Instant now) {
        if (status == ExceptionStatus.REVOKED) return status;
        return endsAt.isAfter(now) ? status : ExceptionStatus.EXPIRED;
    }

    static String join(List<String> values) {
        return String.join("\n", values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
