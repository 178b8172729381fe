package dev.governor.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.api.PageRequest;
import dev.governor.policy.PolicyLoadException.Problem;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.List;

/** The policy load history: every attempt, kept in its own transaction so a refusal is recorded too. */
@ApplicationScoped
public class PolicyLoadLog {

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private static final TypeReference<List<PolicySnapshot.PolicyFile>> FILES = new TypeReference<>() {
    };

    private final PolicyLoadRepository loads;
    private final ObjectMapper mapper;
    private final Event<PolicyLoad> events;

    public PolicyLoadLog(PolicyLoadRepository loads, ObjectMapper mapper, Event<PolicyLoad> events) {
        this.loads = loads;
        this.mapper = mapper;
        this.events = events;
    }

    /**
     * Records the attempt and announces it (the audit chain observes the event) in one transaction:
     * either both are committed or neither, and the caller activates a version only after this returns.
     */
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
        e.filesJson = load.files().isEmpty() ? null : json(load.files());
        e.tests = load.tests();
        loads.persist(e);
        loads.flush(); // a failing write fails here, before the audit record is appended
        events.fire(load);
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
                problems(e.errorsJson), problems(e.warningsJson), read(e.filesJson, FILES), e.tests);
    }

    private String json(List<?> items) {
        try {
            return mapper.writeValueAsString(items);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise policy load problems", ex);
        }
    }

    private List<Problem> problems(String json) {
        return read(json, PROBLEMS);
    }

    private <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null) return List.of();
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a stored policy load is not valid JSON", ex);
        }
    }
}
