package dev.governor.policy.engine;

import dev.governor.policy.Evaluation.Firing;
import dev.governor.policy.engine.RuleBase.RuleOrigin;
import dev.governor.policy.Effect;
import dev.governor.policy.engine.facts.Apply;
import dev.governor.policy.engine.facts.BoundApproval;
import dev.governor.policy.engine.facts.Say;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that fired during one evaluation. One instance per evaluation, registered on that
 * evaluation's own session, so concurrent evaluations never share state. Verdicts a rule inserts
 * are stamped with that rule's source here, not by the rule author.
 */
final class Trace {

    private final Map<String, RuleOrigin> origins;
    private final List<Firing> firings = new ArrayList<>();
    private final List<Say> inCurrentMatch = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();
    private boolean approvalBound;

    Trace(Map<String, RuleOrigin> origins) {
        this.origins = origins;
    }

    void add(Firing firing) {
        firings.add(firing);
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }

    /** Whether a rule found the request bound to the approval it relies on. */
    boolean approvalBound() {
        return approvalBound;
    }

    /** The effects rules asked for, each once, in the order first asked. */
    List<Effect> effects() {
        return effects.stream().distinct().toList();
    }

    AgendaEventListener agendaListener() {
        return new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                inCurrentMatch.clear();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String name = event.getMatch().getRule().getName();
                Say v = inCurrentMatch.isEmpty() ? null : inCurrentMatch.get(0);
                firings.add(firing(name, v));
                inCurrentMatch.clear();
            }
        };
    }

    RuleRuntimeEventListener insertListener() {
        return new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Say verdict && event.getRule() != null) {
                    verdict.attribute(source(event.getRule().getName()));
                    inCurrentMatch.add(verdict);
                } else if (event.getObject() instanceof Apply apply && apply.effect() != null) {
                    effects.add(apply.effect());
                } else if (event.getObject() instanceof BoundApproval) {
                    approvalBound = true;
                }
            }
        };
    }

    private Firing firing(String ruleName, Say verdict) {
        RuleOrigin origin = origin(ruleName);
        String code = verdict == null ? null : verdict.getCode();
        var outcome = verdict == null ? null : verdict.getOutcome();
        if (origin.isTableRow()) {
            return new Firing(Firing.Kind.TABLE_ROW, origin.file(), origin.table(), ruleName, origin.row(), code, outcome);
        }
        return new Firing(Firing.Kind.RULE, origin.file(), ruleName, null, null, code, outcome);
    }

    private String source(String ruleName) {
        return origin(ruleName).file() + "#" + ruleName;
    }

    private RuleOrigin origin(String ruleName) {
        return origins.getOrDefault(ruleName, new RuleOrigin("rules", null, null));
    }
}
