package dev.governor.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.governor.audit.AuditEvent;
import dev.governor.audit.AuditKind;
import dev.governor.agent.AgentService;
import dev.governor.audit.AuditTrail;
import dev.governor.audit.CanonicalJson;
import dev.governor.audit.SensitiveFields;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads decision records; the entities never leave this class's package. Each record
 * is stored with {@code governor.audit.sensitive-fields} replaced by keyed hashes, and appended to
 * the audit chain in the same transaction.
 */
@ApplicationScoped
public class DecisionStore {

    private final DecisionRepository repository;
    private final OutcomeRepository outcomes;
    private final ObjectMapper mapper;
    private final CanonicalJson canonical;
    private final SensitiveFields sensitive;
    private final AuditTrail audit;
    private final DecisionBindings bindings;
    private final Masked masked;
    private final AgentService agents;

    public DecisionStore(DecisionRepository repository, OutcomeRepository outcomes, ObjectMapper mapper,
                         CanonicalJson canonical, SensitiveFields sensitive, AuditTrail audit,
                         DecisionBindings bindings, Masked masked, AgentService agents) {
        this.agents = agents;
        this.masked = masked;
        this.bindings = bindings;
        this.repository = repository;
        this.outcomes = outcomes;
        this.mapper = mapper;
        this.canonical = canonical;
        this.sensitive = sensitive;
        this.audit = audit;
    }

    /**
     * Stores the decision and appends its audit record (payload: the whole stored record, see
     * {@link #auditPayload}, bound by the hash of its {@link DecisionForm}). Throws a 503 ApiException when the audit record cannot be written;
     * the caller's transaction then rolls back and nothing is answered.
     *
     * @return the sequence number of the decision's audit record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long save(DecisionRequest request, EvaluationInput facts, DecisionResponse response,
                     Evaluation evaluation, long latencyMicros) {
        DecisionEntity entity = new DecisionEntity();
        entity.id = response.decisionId();
        entity.agentId = request.agentId();
        entity.sessionId = request.sessionId();
        entity.approvalId = request.approvalId();
        entity.planId = request.planId();
        entity.stepIndex = request.stepIndex();
        entity.actionType = request.action().type();
        entity.environment = request.action().environment();
        entity.outcome = response.outcome().name();
        entity.policyVerdict = evaluation.verdict().outcome().name();
        entity.verdictReasonsJson = json(masked.reasons(request, evaluation.verdict().reasons()));
        entity.reversibility = response.reversibility().name();
        entity.blastRadius = response.blastRadius().name();
        entity.policyVersion = response.policyVersion();
        entity.requestJson = json(sensitive.redact(canonical.tree(request)));
        entity.responseJson = json(response);
        entity.factsJson = json(sensitive.redact(canonical.tree(facts)));
        entity.errorsJson = evaluation.errors().isEmpty() ? null : json(evaluation.errors());
        entity.decidedAt = response.decidedAt();
        entity.latencyMicros = latencyMicros;
        entity.dataClasses = evaluation.dataClasses().isEmpty() ? null : String.join(",", evaluation.dataClasses());
        entity.mutating = evaluation.mutating();
        // As registered now: a person later re-registered as an agent keeps the decisions they made as a person.
        entity.agentKind = agents.kind(request.agentId()).map(Enum::name).orElse(null);
        int seq = 0;
        for (Evaluation.Firing firing : evaluation.firings()) {
            FiringEntity f = new FiringEntity();
            f.decision = entity;
            f.seq = ++seq;
            f.kind = firing.kind().name();
            f.file = firing.file();
            f.name = firing.name();
            f.rowId = firing.rowId();
            f.rowIndex = firing.rowIndex();
            f.reasonCode = firing.reasonCode();
            f.outcome = firing.outcome() == null ? null : firing.outcome().name();
            entity.firings.add(f);
        }
        repository.persist(entity);
        // Insert the decision before taking the chain lock, so the lock is held as briefly as possible.
        repository.flush();
        return audit.append(new AuditEvent(AuditKind.DECISION, entity.id.toString(), entity.agentId, auditPayload(entity),
                List.of(bindings.of(entity)))).seq();
    }

    /** The decision exactly as stored: columns, request, facts, response (as JSON) and every firing. */
    private Map<String, Object> auditPayload(DecisionEntity e) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("decisionId", e.id);
        p.put("agentId", e.agentId);
        p.put("sessionId", e.sessionId);
        p.put("approvalId", e.approvalId);
        p.put("planId", e.planId);
        p.put("stepIndex", e.stepIndex);
        p.put("actionType", e.actionType);
        p.put("environment", e.environment);
        p.put("outcome", e.outcome);
        p.put("policyVerdict", e.policyVerdict);
        p.put("verdictReasons", e.verdictReasonsJson == null ? null : tree(e.verdictReasonsJson));
        p.put("reversibility", e.reversibility);
        p.put("blastRadius", e.blastRadius);
        p.put("policyVersion", e.policyVersion);
        p.put("decidedAt", e.decidedAt);
        p.put("latencyMicros", e.latencyMicros);
        p.put("request", tree(e.requestJson));
        p.put("facts", tree(e.factsJson));
        p.put("response", tree(e.responseJson));
        p.put("errors", e.errorsJson == null ? null : tree(e.errorsJson));
        p.put("mutating", e.mutating);
        p.put("agentKind", e.agentKind);
        p.put("firings", e.firings.stream().map(f -> new DecisionRecord.Firing(f.seq, f.kind, f.file, f.name,
                f.rowId, f.rowIndex, f.reasonCode, f.outcome)).toList());
        return p;
    }

    @Transactional
    public Optional<DecisionRecord> find(UUID id) {
        return repository.findByIdOptional(id).map(this::toRecord);
    }

    private DecisionRecord toRecord(DecisionEntity e) {
        List<DecisionRecord.RuleFired> rules = e.firings.stream()
                .filter(f -> f.kind.equals(Evaluation.Firing.Kind.RULE.name()))
                .map(f -> new DecisionRecord.RuleFired(f.seq, f.file, f.name, f.reasonCode, f.outcome))
                .toList();
        List<DecisionRecord.TableRowMatched> rows = e.firings.stream()
                .filter(f -> f.kind.equals(Evaluation.Firing.Kind.TABLE_ROW.name()))
                .map(f -> new DecisionRecord.TableRowMatched(f.seq, f.file, f.name, f.rowId, f.rowIndex,
                        f.reasonCode, f.outcome))
                .toList();
        List<String> errors = e.errorsJson == null ? List.of() : read(e.errorsJson,
                TypeFactory.defaultInstance().constructCollectionType(List.class, String.class));
        return new DecisionRecord(e.id, e.agentId, e.sessionId, tree(e.requestJson),
                e.factsJson == null ? null : tree(e.factsJson), tree(e.responseJson), e.outcome,
                e.policyVerdict == null ? null : new DecisionRecord.PolicyVerdict(e.policyVerdict,
                        e.verdictReasonsJson == null ? null : tree(e.verdictReasonsJson)),
                rules, rows, errors, e.policyVersion, e.decidedAt, e.latencyMicros,
                outcomes.forDecision(e.id).stream().map(OutcomeEntity::toReport).toList());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise decision record", ex);
        }
    }

    private JsonNode tree(String json) {
        return read(json, TypeFactory.defaultInstance().constructType(JsonNode.class));
    }

    private <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored decision record is not valid JSON", ex);
        }
    }
}
