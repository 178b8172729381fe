package dev.governor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

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
        /**
         * How long an approval stays open before it expires, when no row of
         * {@code decision-tables/approval-ttl.dmn} applies.
         */
        @WithDefault("PT1H")
        Duration ttl();

        /** How often the expiry job marks approvals past their time as EXPIRED ({@code off} disables it). */
        @WithDefault("30s")
        String expiryEvery();

        /** Longest {@code ?waitSeconds=} a caller may long-poll an approval for. */
        @WithDefault("60")
        int maxWaitSeconds();

        /**
         * While long-polling, how often to re-read the approval from the database, to notice
         * changes made by another Governor instance (changes made here wake the caller at once).
         */
        @WithDefault("PT2S")
        Duration recheck();

        /** Base URL approvers reach Governor at; webhook messages link to {@code <base>/v1/approvals/<id>}. */
        @WithDefault("http://localhost:8080")
        String linkBase();

        Webhook webhook();

        interface Webhook {
            /** Where to POST a JSON message when an approval opens and when it closes; unset = no webhook. */
            Optional<String> url();

            /** Delivery attempts per message (the first try included) before it is logged and dropped. */
            @WithDefault("5")
            int attempts();

            /** Wait before the first retry; doubled for each further retry. */
            @WithDefault("PT1S")
            Duration backoff();

            /** Connect and response timeout of one attempt. */
            @WithDefault("PT5S")
            Duration timeout();
        }
    }
}
