package dev.governor.agent;

import dev.governor.policy.EnvironmentTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent may be registered for a tier; the pattern must know exactly the tiers the policy has. */
class AgentEnvironmentPatternTest {

    @Test
    void everyTierAndNoOtherUpperCaseNameIsAnAllowedEnvironment() {
        for (EnvironmentTier tier : EnvironmentTier.values()) {
            assertThat(tier.name()).matches(AgentRules.ENVIRONMENT);
            assertThat(tier.name().toLowerCase()).matches(AgentRules.ENVIRONMENT);
        }
        assertThat("PROD").doesNotMatch(AgentRules.ENVIRONMENT);
        assertThat("Production").doesNotMatch(AgentRules.ENVIRONMENT);
        assertThat("PRODUCTION ").doesNotMatch(AgentRules.ENVIRONMENT);
    }
}
