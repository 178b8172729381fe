package dev.governor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Every Governor setting, with its default. Override any of them in
 * {@code application.properties}, as a system property ({@code -Dgovernor.policy.rules-dir=...})
 * or as an environment variable ({@code GOVERNOR_POLICY_RULES_DIR=...}).
 */
@ConfigMapping(prefix = "governor")
public interface GovernorConfig {

    Policy policy();

    Http http();

    Approval approval();

    interface Policy {
        /** Directory of Drools rule files ({@code .drl}), relative to the working directory. */
        @WithDefault("rules")
        String rulesDir();

        /** Directory of decision tables ({@code .dmn}, {@code .xlsx}), relative to the working directory. */
        @WithDefault("decision-tables")
        String tablesDir();
    }

    interface Http {
        /** Largest accepted request body in bytes; larger bodies get 413 problem+json. */
        @WithDefault("262144")
        long maxBodyBytes();
    }

    interface Approval {
        /** How long a PENDING approval stays open before it expires. */
        @WithDefault("PT1H")
        Duration ttl();
    }
}
