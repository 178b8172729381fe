package dev.governor.approval;

import dev.governor.GovernorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class ApprovalService {

    private final ApprovalRepository repository;
    private final GovernorConfig config;

    public ApprovalService(ApprovalRepository repository, GovernorConfig config) {
        this.repository = repository;
        this.config = config;
    }

    /**
     * Opens a PENDING approval for a decision that is being stored in the caller's
     * transaction (the decision row must be persisted first: the approval references it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OpenedApproval open(UUID approvalId, UUID decisionId, String agentId, String actionHash,
                               OffsetDateTime now) {
        ApprovalEntity approval = new ApprovalEntity();
        approval.id = approvalId;
        approval.decisionId = decisionId;
        approval.agentId = agentId;
        approval.actionHash = actionHash;
        approval.status = ApprovalStatus.PENDING;
        approval.createdAt = now;
        approval.expiresAt = expiresAt(now);
        repository.persist(approval);
        return new OpenedApproval(approval.id, approval.status, approval.expiresAt);
    }

    /** When an approval opened at {@code openedAt} expires. */
    public OffsetDateTime expiresAt(OffsetDateTime openedAt) {
        return openedAt.plus(config.approval().ttl());
    }

    public record OpenedApproval(UUID id, ApprovalStatus status, OffsetDateTime expiresAt) {
    }
}
