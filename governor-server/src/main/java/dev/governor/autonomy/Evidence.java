package dev.governor.autonomy;

import dev.governor.GovernorConfig;
import dev.governor.agent.Agent;
import dev.governor.decision.TrackRecord;
import dev.governor.decision.TrackRecords;
import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.PolicyEngine;
import dev.governor.policy.PromotionCriteria;
import dev.governor.policy.PromotionStep;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges an agent's own record against the promotion criteria: the policy says what is required
 * over which window, the track record (the decision package's) says what happened, and this
 * class only puts the two side by side. An unknown number never meets a criterion.
 */
@ApplicationScoped
public class Evidence {

    private final PolicyEngine policy;
    private final TrackRecords tracks;
    private final Clock clock;
    private final Duration driftRecent;

    public Evidence(PolicyEngine policy, TrackRecords tracks, Clock clock, GovernorConfig config) {
        this.policy = policy;
        this.tracks = tracks;
        this.clock = clock;
        this.driftRecent = config.autonomy().driftRecent();
    }

    public EvidenceReport report(Agent agent, Optional<String> toEnvironment) {
        Instant now = clock.instant();
        Map<Duration, Window> windows = new HashMap<>();
        StepEvidence nextLevel = null;
        if (agent.autonomyLevel() != AutonomyLevel.AUTONOMOUS) {
            String next = AutonomyLevel.values()[agent.autonomyLevel().ordinal() + 1].name();
            nextLevel = judge(agent, PromotionStep.Change.LEVEL, next, now, windows);
        }
        List<String> targets = toEnvironment.map(List::of).orElseGet(() -> List.of(EnvironmentTier.STAGING.name(),
                EnvironmentTier.PRODUCTION.name()).stream().filter(t -> !agent.environments().contains(t)).toList());
        List<StepEvidence> environments = new ArrayList<>();
        for (String target : targets) environments.add(judge(agent, PromotionStep.Change.ENVIRONMENT, target, now, windows));
        String current = policy.current().criteriaVersion();
        return new EvidenceReport(agent.id(), agent.autonomyLevel(), agent.environments(), now, current,
                agent.criteriaVersion(), agent.criteriaVersion() != null && !Objects.equals(current, agent.criteriaVersion()),
                nextLevel, environments);
    }

    /** One step, judged now. */
    public StepEvidence judge(Agent agent, PromotionStep.Change change, String to) {
        return judge(agent, change, to, clock.instant(), new HashMap<>());
    }

    private StepEvidence judge(Agent agent, PromotionStep.Change change, String to, Instant now,
                               Map<Duration, Window> windows) {
        PromotionCriteria criteria = policy.promotionCriteria(new PromotionStep(change, agent.autonomyLevel(),
                java.util.Set.copyOf(agent.environments()), to));
        List<CriterionResult> results = new ArrayList<>();
        for (PromotionCriteria.Criterion c : criteria.criteria()) {
            Window window = windows.computeIfAbsent(c.window(), w -> window(agent.id(), w, now));
            results.add(result(c, window));
        }
        if (!criteria.defined()) {
            results.add(new CriterionResult("criteria", "a row of " + PromotionCriteria.FILE + " for this step", null,
                    null, null, false, null, PromotionCriteria.NO_ROW, List.of()));
        }
        boolean met = criteria.defined() && results.stream().allMatch(CriterionResult::met);
        return new StepEvidence(change, to, criteria.fromStep(), criteria.toStep(), met, results, criteria.firings(),
                criteria.errors(), criteria.policyVersion(), criteria.criteriaVersion());
    }

    /** The track record over the window, and the drift of its recent part from the part before. */
    private Window window(String agentId, Duration length, Instant now) {
        TrackRecord whole = tracks.of(agentId, now.minus(length), now);
        Double drift = null;
        if (length.compareTo(driftRecent) > 0) {
            Instant split = now.minus(driftRecent);
            drift = Divergence.jensenShannon(tracks.of(agentId, split, now).actionTypes(),
                    tracks.of(agentId, now.minus(length), split).actionTypes());
        }
        return new Window(whole, drift);
    }

    private record Window(TrackRecord track, Double drift) {
    }

    private static CriterionResult result(PromotionCriteria.Criterion c, Window w) {
        TrackRecord t = w.track();
        Value v = switch (c.metric()) {
            case DECISIONS -> new Value((double) t.decisions(), "decisions");
            case AGREEMENT_RATE -> new Value(rate(t.humanAgreed(), t.humanReviewed()), "humanReviewed");
            case FAILURE_RATE -> new Value(rate(t.confirmedFailed(), t.outcomesConfirmed()), "confirmedFailed");
            case ROLLBACK_RATE -> new Value(rate(t.confirmedRolledBack(), t.outcomesConfirmed()), "confirmedRolledBack");
            case INCIDENTS -> new Value((double) t.incidents(), "incidents");
            case OUTCOME_COVERAGE -> new Value(rate(t.outcomesConfirmed(), t.mutationsAllowed()), "outcomesConfirmed");
            case DISPUTE_RATE -> new Value(rate(t.outcomesDisputed(), t.outcomesClaimed()), "outcomesDisputed");
            case MISSING_OUTCOMES -> new Value((double) t.outcomesMissing(), "outcomesMissing");
            case DRIFT_SCORE -> new Value(w.drift(), null);
        };
        boolean met = v.actual() != null
                && (c.minimum() == null || BigDecimal.valueOf(v.actual()).compareTo(c.minimum()) >= 0)
                && (c.maximum() == null || BigDecimal.valueOf(v.actual()).compareTo(c.maximum()) <= 0);
        String required = c.minimum() != null ? ">= " + c.minimum().toPlainString() : "<= " + c.maximum().toPlainString();
        List<java.util.UUID> ids = v.examples() == null ? List.of() : t.examples().getOrDefault(v.examples(), List.of());
        return new CriterionResult(c.metric().key(), required, c.minimum(), c.maximum(), v.actual(), met, c.window(),
                c.source(), ids);
    }

    /** A rate with nothing to divide by is unknown, not zero. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private record Value(Double actual, String examples) {
    }
}
