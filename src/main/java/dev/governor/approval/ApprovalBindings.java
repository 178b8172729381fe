package dev.governor.approval;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundRecords;
import dev.governor.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
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
    private final CanonicalJson canonical;

    public ApprovalBindings(ApprovalRepository approvals, ApprovalEventRepository events, CanonicalJson canonical) {
        this.approvals = approvals;
        this.events = events;
        this.canonical = canonical;
    }

    /** The approval as it stands now in this transaction, its events included. */
    Binding of(ApprovalEntity approval) {
        return binding(approval, events.of(List.of(approval.id)));
    }

    private Binding binding(ApprovalEntity approval, List<ApprovalEventEntity> of) {
        return new Binding(ApprovalForm.KIND, approval.id.toString(), canonical.sha256(ApprovalForm.of(approval, of)));
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
    public Map<String, String> current(Collection<String> ids) {
        List<UUID> uuids = BoundRecords.uuids(ids);
        Map<String, String> hashes = new HashMap<>();
        if (uuids.isEmpty()) return hashes;
        Map<UUID, List<ApprovalEventEntity>> byApproval = events.of(uuids).stream()
                .collect(Collectors.groupingBy(e -> e.approvalId));
        approvals.list("id in ?1", uuids).forEach(a ->
                hashes.put(a.id.toString(), binding(a, byApproval.getOrDefault(a.id, List.of())).sha256()));
        return hashes;
    }
}
