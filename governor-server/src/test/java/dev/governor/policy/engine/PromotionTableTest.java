package dev.governor.policy.engine;

import dev.governor.policy.AutonomyLevel;
import dev.governor.policy.DriftResponse;
import dev.governor.policy.DriftSignals;
import dev.governor.policy.EvidenceMetric;
import dev.governor.policy.PolicyLoadException;
import dev.governor.policy.PromotionCriteria;
import dev.governor.policy.PromotionStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped decision-tables/autonomy-promotion.dmn and drift-response.dmn, called as the
 * autonomy package calls them (PolicyEngine.promotionCriteria, driftResponse), and edits of
 * them that the load must refuse.
 */
class PromotionTableTest {

    private static KiePolicyEngine shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        shipped = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
    }

    private static PromotionStep level(AutonomyLevel from, AutonomyLevel to) {
        return new PromotionStep(PromotionStep.Change.LEVEL, from, Set.of("sandbox"), to.name());
    }

    @Test
    void eachLevelStepHasItsCriteriaWithWindowsAndRowIds() {
        PromotionCriteria routine = shipped.promotionCriteria(level(AutonomyLevel.ACT_WITH_APPROVAL, AutonomyLevel.ROUTINE));

        assertThat(routine.defined()).isTrue();
        assertThat(routine.criteria()).extracting(PromotionCriteria.Criterion::metric).contains(
                EvidenceMetric.DECISIONS, EvidenceMetric.AGREEMENT_RATE, EvidenceMetric.FAILURE_RATE,
                EvidenceMetric.ROLLBACK_RATE, EvidenceMetric.INCIDENTS, EvidenceMetric.OUTCOME_COVERAGE,
                EvidenceMetric.DRIFT_SCORE);
        assertThat(routine.criteria()).allSatisfy(c -> {
            assertThat(c.source()).startsWith("decision-tables/autonomy-promotion.dmn#pr-routine-");
            assertThat(c.window()).isEqualTo(Duration.ofDays(30));
            assertThat(c.minimum() == null).isNotEqualTo(c.maximum() == null);
        });
        assertThat(routine.firings()).hasSameSizeAs(routine.criteria());
        assertThat(routine.criteriaVersion()).startsWith("sha256:");
        assertThat(shipped.promotionCriteria(level(AutonomyLevel.ROUTINE, AutonomyLevel.AUTONOMOUS)).criteria())
                .allSatisfy(c -> assertThat(c.window()).isEqualTo(Duration.ofDays(90)));
    }

    @Test
    void aSkippedLevelOrAnUnknownStepHasNoCriteriaAndSoCannotBeMet() {
        PromotionCriteria jump = shipped.promotionCriteria(level(AutonomyLevel.OBSERVE, AutonomyLevel.AUTONOMOUS));
        assertThat(jump.defined()).isFalse();
        assertThat(jump.criteria()).isEmpty();
        assertThat(shipped.promotionCriteria(new PromotionStep(PromotionStep.Change.LEVEL, AutonomyLevel.OBSERVE,
                Set.of(), "NOT_A_LEVEL")).defined()).isFalse();
    }

    @Test
    void anEnvironmentStepIsJudgedByTheTierOfTheEnvironmentAskedFor() {
        PromotionCriteria prod = shipped.promotionCriteria(new PromotionStep(PromotionStep.Change.ENVIRONMENT,
                AutonomyLevel.ROUTINE, Set.of("sandbox"), "production"));
        assertThat(prod.fromStep()).isEqualTo("SANDBOX");
        assertThat(prod.toStep()).isEqualTo("PRODUCTION");
        assertThat(prod.criteria()).extracting(PromotionCriteria.Criterion::source)
                .allMatch(s -> s.contains("#pr-production-"));

        // An environment no row of environments.dmn lists is treated as production: the strictest criteria.
        PromotionCriteria unlisted = shipped.promotionCriteria(new PromotionStep(PromotionStep.Change.ENVIRONMENT,
                AutonomyLevel.ROUTINE, Set.of("sandbox"), "zz-unlisted-place"));
        assertThat(unlisted.toStep()).isEqualTo("PRODUCTION");
        assertThat(unlisted.firings()).extracting(f -> f.rowId()).contains("pr-production-decisions");
    }

    @Test
    void driftTableAnswersMostSevereFirstAndUnknownsMatchNothingButTheCatchAll() {
        assertThat(shipped.driftResponse(new DriftSignals(0.0, 0.0, 0.0, 0.0, true)).response())
                .isEqualTo(DriftResponse.Response.SUSPEND);
        DriftResponse drift = shipped.driftResponse(new DriftSignals(0.7, 0.0, null, null, false));
        assertThat(drift.response()).isEqualTo(DriftResponse.Response.DEMOTE);
        assertThat(drift.source()).isEqualTo("decision-tables/drift-response.dmn#dr-drift-demote");
        assertThat(shipped.driftResponse(new DriftSignals(0.3, null, null, null, false)).response())
                .isEqualTo(DriftResponse.Response.ALERT);
        DriftResponse unknown = shipped.driftResponse(new DriftSignals(null, null, null, null, false));
        assertThat(unknown.response()).isEqualTo(DriftResponse.Response.NONE);
        assertThat(unknown.source()).endsWith("#dr-stable");
    }

    @Test
    void theLoadRefusesAnInventedMetric() throws IOException {
        Path tables = edit(dmn -> dmn.replace("<outputEntry id=\"pr-approval-decisions-o1\"><text>\"decisions\"</text>",
                "<outputEntry id=\"pr-approval-decisions-o1\"><text>\"daysSinceRegistration\"</text>"));

        assertThatThrownBy(() -> KiePolicyEngine.load(Path.of("rules"), tables))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.file() + " " + p.message())
                        .anySatisfy(m -> assertThat(m).contains("autonomy-promotion.dmn").contains("daysSinceRegistration")));
    }

    @Test
    void theLoadRefusesABadWindowAndARowWithBothBoundsNamingTheRows() throws IOException {
        Path tables = edit(dmn -> dmn
                .replace("<outputEntry id=\"pr-routine-incidents-o4\"><text>\"P30D\"</text>",
                        "<outputEntry id=\"pr-routine-incidents-o4\"><text>\"thirty days\"</text>")
                .replace("<outputEntry id=\"pr-routine-drift-o2\"><text>null</text>",
                        "<outputEntry id=\"pr-routine-drift-o2\"><text>0.1</text>"));

        assertThatThrownBy(() -> KiePolicyEngine.load(Path.of("rules"), tables))
                .isInstanceOfSatisfying(PolicyLoadException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.location() + ": " + p.message())
                        .anySatisfy(m -> assertThat(m).contains("pr-routine-incidents").contains("ISO-8601"))
                        .anySatisfy(m -> assertThat(m).contains("pr-routine-drift").contains("minimum or a maximum")));
    }

    private Path edit(java.util.function.UnaryOperator<String> change) throws IOException {
        Path tables = copy();
        Path file = tables.resolve("autonomy-promotion.dmn");
        String dmn = Files.readString(file);
        String edited = change.apply(dmn);
        assertThat(edited).isNotEqualTo(dmn);
        Files.writeString(file, edited);
        return tables;
    }

    private Path copy() throws IOException {
        Path tables = dir.resolve("decision-tables");
        Files.createDirectories(tables);
        try (Stream<Path> files = Files.list(Path.of("decision-tables"))) {
            for (Path f : files.toList()) Files.copy(f, tables.resolve(f.getFileName()));
        }
        return tables;
    }
}
