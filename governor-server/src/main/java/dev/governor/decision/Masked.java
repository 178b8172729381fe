package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.audit.CanonicalJson;
import dev.governor.audit.SensitiveFields;
import dev.governor.audit.SensitiveValues;
import dev.governor.policy.Evaluation;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Requests and answers as Governor shows and stores them: the request with
 * {@code governor.audit.sensitive-fields} replaced by keyed hashes, and the reasons with those
 * values masked, since a policy file may quote any fact in a message (an input's value, the
 * target) and reasons are shown and stored (the answer, the decision's record, the approval an
 * approver reads, a plan's answer).
 */
@ApplicationScoped
public class Masked {

    private final SensitiveFields sensitive;
    private final CanonicalJson canonical;

    public Masked(SensitiveFields sensitive, CanonicalJson canonical) {
        this.sensitive = sensitive;
        this.canonical = canonical;
    }

    /** The decision or plan request with its sensitive fields hashed. */
    public JsonNode request(Object request) {
        return sensitive.redact(canonical.tree(request));
    }

    /** {@code request}: the decision or plan request the reasons answer. */
    public List<DecisionResponse.Reason> reasons(Object request, List<Evaluation.Reason> reasons) {
        SensitiveValues values = sensitive.values(canonical.tree(request));
        return reasons.stream().map(DecisionResponse.Reason::of).map(r -> values.isEmpty() ? r
                : new DecisionResponse.Reason(r.code(), r.outcome(), values.mask(r.message()), r.source(),
                        subject(r.subject(), values))).toList();
    }

    private static Evaluation.Subject subject(Evaluation.Subject s, SensitiveValues values) {
        if (s == null || s.inputs() == null) return s;
        return new Evaluation.Subject(s.inputs().stream()
                .map(i -> new Evaluation.InputRef(values.mask(i.source()), values.mask(i.metric()))).toList(),
                s.stepIndex(), s.planId(), s.budget(), s.approvalId());
    }
}
