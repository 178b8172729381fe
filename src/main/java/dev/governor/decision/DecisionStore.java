package dev.governor.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.governor.policy.Evaluation;
import dev.governor.policy.EvaluationInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writes and reads decision records; the entities never leave this class's package. */
@ApplicationScoped
public class DecisionStore {

    private final DecisionRepository repository;
    private final ObjectMapper mapper;

    public DecisionStore(DecisionRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(DecisionRequest request, EvaluationInput facts, DecisionResponse response,
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
        entity.reversibility = response.reversibility().name();
        entity.blastRadius = response.blastRadius().name();
        entity.policyVersion = response.policyVersion();
        entity.requestJson = json(request);
        entity.responseJson = json(response);
        entity.factsJson = json(facts);
        entity.errorsJson = evaluation.errors().isEmpty() ? null : json(evaluation.errors());
        entity.decidedAt = response.decidedAt();
        entity.latencyMicros = latencyMicros;
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
                e.factsJson == null ? null : tree(e.factsJson), tree(e.responseJson),
                rules, rows, errors, e.policyVersion, e.decidedAt, e.latencyMicros);
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
