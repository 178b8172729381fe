package dev.governor.policy.engine;

import dev.governor.policy.ExceptionLimit;
import dev.governor.policy.ReasonCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** exceptions.dmn: what a break-glass exception may lift and for how long; the never-liftable codes stay so. */
class ExceptionLimitsTest {

    static KiePolicyEngine engine;

    @BeforeAll
    static void load() {
        engine = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
    }

    @Test
    void liftableCodesHaveTheirMaximum() {
        liftable("GLOBAL_HALT", "PT1H", "ex-halts");
        liftable("SCOPED_HALT", "PT1H", "ex-halts");
        liftable("CODE_FREEZE", "PT4H", "ex-freeze");
        liftable("ENVIRONMENT_NOT_ALLOWED", "PT4H", "ex-environment");
        liftable("PERMISSION_NOT_GRANTED", "PT8H", "ex-permission");
        liftable("IRREVERSIBLE_ACTION", "PT4H", "ex-gate");
        liftable("BUDGET_EXCEEDED", "PT24H", "ex-budget");
    }

    @Test
    void whoTheAgentIsAndAFailedPolicyAreNeverLifted() {
        notLiftable("UNKNOWN_AGENT", "ex-identity");
        notLiftable("AGENT_SUSPENDED", "ex-identity");
        notLiftable("AGENT_ORPHANED", "ex-identity");
        notLiftable("POLICY_ERROR", "ex-engine");
        notLiftable("NO_VERDICT", "ex-engine");
        notLiftable("APPROVAL_REJECTED", "ex-approvals");
        notLiftable("EXCEPTION_APPLIED", "ex-approvals");
        notLiftable("DATA_STALE", "ex-data");
        notLiftable("SOMETHING_NEW", "ex-otherwise");
        assertThat(engine.exceptionLimit(null).liftable()).isFalse();
    }

    @Test
    void everyCatalogueCodeIsAnsweredWithoutError() {
        Arrays.stream(ReasonCode.values()).forEach(code -> {
            ExceptionLimit limit = engine.exceptionLimit(code.name());
            assertThat(limit.error()).as(code.name()).isNull();
            assertThat(limit.source()).as(code.name()).startsWith("decision-tables/exceptions.dmn#ex-");
            assertThat(limit.liftable() == (limit.maxDuration() != null)).as(code.name()).isTrue();
        });
    }

    private static void liftable(String code, String max, String row) {
        ExceptionLimit limit = engine.exceptionLimit(code);
        assertThat(limit.liftable()).as(code).isTrue();
        assertThat(limit.maxDuration()).isEqualTo(Duration.parse(max));
        assertThat(limit.source()).isEqualTo("decision-tables/exceptions.dmn#" + row);
    }

    private static void notLiftable(String code, String row) {
        ExceptionLimit limit = engine.exceptionLimit(code);
        assertThat(limit.liftable()).as(code).isFalse();
        assertThat(limit.maxDuration()).isNull();
        assertThat(limit.source()).isEqualTo("decision-tables/exceptions.dmn#" + row);
    }
}
