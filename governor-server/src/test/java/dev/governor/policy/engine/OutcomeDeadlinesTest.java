package dev.governor.policy.engine;

import dev.governor.policy.OutcomeDeadline;
import dev.governor.policy.Reversibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of outcome-deadlines.dmn, and the answers that must never throw. */
class OutcomeDeadlinesTest {

    static KiePolicyEngine engine;

    @BeforeAll
    static void load() {
        engine = KiePolicyEngine.load(Path.of("rules"), Path.of("decision-tables"));
    }

    @Test
    void everyRowDecidesItsPeriod() {
        check("config.update", "production", Reversibility.IRREVERSIBLE, "PT4H", "od-prod-irreversible");
        check("deployment.promote", "prod", Reversibility.REVERSIBLE, "PT4H", "od-prod-deploy");
        check("config.update", "production", Reversibility.REVERSIBLE, "PT24H", "od-prod");
        check("config.update", "staging", Reversibility.REVERSIBLE, "P3D", "od-staging");
        check("config.update", "sandbox", Reversibility.PARTIALLY_REVERSIBLE, "P7D", "od-sandbox");
    }

    @Test
    void anUnknownEnvironmentIsProductionAndNothingThrows() {
        check("config.update", "mars-base", Reversibility.REVERSIBLE, "PT24H", "od-prod");
        OutcomeDeadline odd = engine.outcomeDeadline(null, null, null);
        assertThat(odd.error()).isNull();
        assertThat(odd.period()).isEqualTo(Duration.ofHours(4)); // unknown reversibility is IRREVERSIBLE
    }

    private static void check(String type, String environment, Reversibility r, String period, String row) {
        OutcomeDeadline d = engine.outcomeDeadline(type, environment, r);
        assertThat(d.error()).isNull();
        assertThat(d.period()).isEqualTo(Duration.parse(period));
        assertThat(d.source()).isEqualTo("decision-tables/outcome-deadlines.dmn#" + row);
    }
}
