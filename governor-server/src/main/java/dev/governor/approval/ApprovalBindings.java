package dev.governor.approval;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundForms;
import dev.governor.audit.BoundRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Approvals with their state changes, as their audit records bind them ({@link ApprovalForm}). */
@ApplicationScoped
public class ApprovalBindings implements BoundRecords {

    private final ApprovalRepository approvals;
    private final ApprovalEventRepository events;
    private final BoundForms bound;

    public ApprovalBindings(ApprovalRepository approvals, ApprovalEventRepository events, BoundForms bound) {
        this.approvals = approvals;
        this.events = events;
        this.bound = bound;
    }

    /** The approval as it stands now in this transaction, its events included. */
    Binding of(ApprovalEntity approval) {
        return bound.binding(ApprovalForm.KIND, approval.id, ApprovalForm.of(approval, events.of(List.of(approval.id))));
    }

    @Override
    public String kind() {
        return ApprovalForm.KIND;
    }

    @Override
    public boolean changes() {
        return true;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, List<ApprovalEventEntity>> byApproval = events.of(ids).stream()
                .collect(Collectors.groupingBy(e -> e.approvalId));
        Map<UUID, Object> forms = new HashMap<>();
        approvals.list("id in ?1", ids).forEach(a ->
                forms.put(a.id, ApprovalForm.of(a, byApproval.getOrDefault(a.id, List.of()))));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(approvals.getEntityManager(), "ApprovalEntity", after, limit);
    }
}
