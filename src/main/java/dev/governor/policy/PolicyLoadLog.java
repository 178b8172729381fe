package dev.governor.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.PageRequest;
import dev.governor.policy.PolicyLoadException.Problem;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** The policy load history: every attempt, kept in its own transaction so a refusal is recorded too. */
@ApplicationScoped
public class PolicyLoadLog {

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private final PolicyLoadRepository loads;
    private final ObjectMapper mapper;

    public PolicyLoadLog(PolicyLoadRepository loads, ObjectMapper mapper) {
        this.loads = loads;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(PolicyLoad load) {
        PolicyLoadEntity e = new PolicyLoadEntity();
        e.id = load.id();
        e.attemptedAt = load.attemptedAt();
        e.actor = load.actor();
        e.trigger = load.trigger().name();
        e.outcome = load.outcome().name();
        e.version = load.version();
        e.previousVersion = load.previousVersion();
        e.activeVersion = load.activeVersion();
        e.errorsJson = load.errors().isEmpty() ? null : json(load.errors());
        e.warningsJson = load.warnings().isEmpty() ? null : json(load.warnings());
        loads.persist(e);
    }

    /** Newest first. */
    @Transactional
    public List<PolicyLoad> list(PageRequest paging) {
        return loads.findAll(Sort.descending("attemptedAt").and("id")).page(Page.of(paging.page(), paging.size()))
                .list().stream().map(this::toLoad).toList();
    }

    @Transactional
    public long total() {
        return loads.count();
    }

    private PolicyLoad toLoad(PolicyLoadEntity e) {
        return new PolicyLoad(e.id, e.attemptedAt, e.actor, PolicyLoad.Trigger.valueOf(e.trigger),
                PolicyLoad.Result.valueOf(e.outcome), e.version, e.previousVersion, e.activeVersion,
                problems(e.errorsJson), problems(e.warningsJson));
    }

    private String json(List<Problem> problems) {
        try {
            return mapper.writeValueAsString(problems);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise policy load problems", ex);
        }
    }

    private List<Problem> problems(String json) {
        if (json == null) return List.of();
        try {
            return mapper.readValue(json, PROBLEMS);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored policy load problems are not valid JSON", ex);
        }
    }
}
