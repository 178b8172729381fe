package dev.governor.policy.engine;

import dev.governor.policy.Evaluation.Firing;
import dev.governor.policy.engine.RuleBase.RuleOrigin;
import dev.governor.policy.engine.facts.Verdict;
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
    private final List<Verdict> inCurrentMatch = new ArrayList<>();

    Trace(Map<String, RuleOrigin> origins) {
        this.origins = origins;
    }

    void add(Firing firing) {
        firings.add(firing);
    }

    List<Firing> firings() {
        return List.copyOf(firings);
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
                Verdict v = inCurrentMatch.isEmpty() ? null : inCurrentMatch.get(0);
                firings.add(firing(name, v));
                inCurrentMatch.clear();
            }
        };
    }

    RuleRuntimeEventListener insertListener() {
        return new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getObject() instanceof Verdict verdict && event.getRule() != null) {
                    verdict.attribute(source(event.getRule().getName()));
                    inCurrentMatch.add(verdict);
                }
            }
        };
    }

    private Firing firing(String ruleName, Verdict verdict) {
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
