package dev.governor.breakglass;

import dev.governor.audit.Binding;
import dev.governor.audit.BoundForms;
import dev.governor.audit.BoundRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Exceptions with their approvals and revocation, as their audit records bind them ({@link BreakGlass.Form}). */
@ApplicationScoped
public class ExceptionBindings implements BoundRecords {

    private final ExceptionRepository exceptions;
    private final BoundForms bound;

    public ExceptionBindings(ExceptionRepository exceptions, BoundForms bound) {
        this.exceptions = exceptions;
        this.bound = bound;
    }

    Binding of(ExceptionEntity exception) {
        return bound.binding(BreakGlass.Form.KIND, exception.id, BreakGlass.Form.of(exception));
    }

    @Override
    public String kind() {
        return BreakGlass.Form.KIND;
    }

    /** Approvals and revocation change the row; the latest record binding it must match it. */
    @Override
    public boolean changes() {
        return true;
    }

    @Override
    @Transactional
    public Map<UUID, Object> forms(List<UUID> ids) {
        Map<UUID, Object> forms = new HashMap<>();
        exceptions.list("id in ?1", ids).forEach(e -> forms.put(e.id, BreakGlass.Form.of(e)));
        return forms;
    }

    @Override
    @Transactional
    public List<UUID> ids(UUID after, int limit) {
        return BoundForms.ids(exceptions.getEntityManager(), "ExceptionEntity", after, limit);
    }
}
