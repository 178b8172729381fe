package dev.governor.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.policy.RecordedDecisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Read-only access to recorded decisions for replaying them against a candidate policy. */
@ApplicationScoped
public class DecisionHistory implements RecordedDecisions {

    private final DecisionRepository repository;
    private final ObjectMapper mapper;

    public DecisionHistory(DecisionRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public List<Replayable> latest(int limit) {
        return repository.find("order by decidedAt desc, id").page(0, limit).list().stream()
                .map(this::replayable).toList();
    }

    @Override
    @Transactional
    public List<Replayable> between(OffsetDateTime from, OffsetDateTime to, int limit) {
        return repository.find("decidedAt >= ?1 and decidedAt < ?2 order by decidedAt desc, id", from, to)
                .page(0, limit).list().stream().map(this::replayable).toList();
    }

    private Replayable replayable(DecisionEntity e) {
        return new Replayable(e.id, e.agentId, e.actionType, e.outcome, e.policyVerdict, reasonCodes(e.responseJson),
                e.factsJson, e.decidedAt, e.approvalId != null || e.planId != null);
    }

    private List<String> reasonCodes(String responseJson) {
        List<String> codes = new ArrayList<>();
        try {
            for (JsonNode reason : mapper.readTree(responseJson).path("reasons")) codes.add(reason.path("code").asText());
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return codes;
    }
}
