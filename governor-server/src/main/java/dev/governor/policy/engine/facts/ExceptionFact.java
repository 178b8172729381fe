package dev.governor.policy.engine.facts;

import dev.governor.policy.Targets;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A break-glass exception in force for the requesting agent. {@code liftable} holds the codes it
 * names that decision-tables/exceptions.dmn still lets be lifted when the request is decided (a
 * code the table has since made unliftable is left out, so the table always has the last word).
 */
public record ExceptionFact(UUID id, String agentId, Set<String> actionTypes, List<String> targets,
                            Set<String> liftable, Instant until, List<String> approvedBy) {

    public ExceptionFact {
        actionTypes = Set.copyOf(actionTypes);
        targets = List.copyOf(targets);
        liftable = Set.copyOf(liftable);
        approvedBy = List.copyOf(approvedBy);
    }

    /**
     * The action is of a type it names and its target matches one of its patterns. No target is
     * never covered, nor is one that still climbs with ".." once normalised (a relative path):
     * "app/fixer/../billing" must not pass for "app/fixer/*", since an exception widens what is allowed.
     */
    public boolean covers(ActionFact action) {
        String target = action.getTarget();
        if (target == null || !actionTypes.contains(action.getType())) return false;
        if (Arrays.asList(Targets.normalise(target).split("[/\\s]+")).contains("..")) return false;
        return targets.stream().anyMatch(pattern -> Targets.matches(pattern, target));
    }

    /** Its window is open at {@code now} (an exception gathered just before its end may be decided just after). */
    public boolean openAt(Instant now) {
        return until != null && until.isAfter(now);
    }

    public boolean lifts(String code) {
        return liftable.contains(code);
    }

    public UUID getId() { return id; }
    public String getAgentId() { return agentId; }
    public Instant getUntil() { return until; }
    public List<String> getApprovedBy() { return approvedBy; }
}
