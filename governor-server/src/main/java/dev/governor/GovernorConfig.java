package dev.governor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
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

    Audit audit();

    Auth auth();

    Inputs inputs();

    Session session();

    Autonomy autonomy();

    Metrics metrics();

    Receipts receipts();

    /** Signed decision receipts (README "Decision receipts"). */
    interface Receipts {
        /** How long an executor may act on a receipt after the decision: short, so a copied receipt soon stops working. */
        @WithDefault("PT60S")
        Duration ttl();
    }

    /** Governance series on /q/metrics (README "Metrics"). */
    interface Metrics {
        /** Add an {@code agent} label to governor_decisions_total: one series per agent, so off by default. */
        @WithDefault("false")
        boolean agentLabel();

        /** How often the gauges read from the database (pending approvals, chain head) are read again. */
        @WithDefault("15s")
        Duration refreshEvery();
    }

    /** Evidence for promotions, and the drift job (decision-tables/autonomy-promotion.dmn, drift-response.dmn). */
    interface Autonomy {
        /** The recent part of a window, whose action mix is compared with the part before it (the baseline). */
        @WithDefault("P7D")
        Duration driftRecent();

        /** How far before the recent part the drift job's baseline reaches. */
        @WithDefault("P30D")
        Duration driftBaseline();

        /** How often the drift job runs (a Quarkus scheduler interval); "off" disables it. */
        @WithDefault("1h")
        String driftEvery();
    }

    Outcomes outcomes();

    /** Checked outcomes (issue 15): the verifier webhook and the OUTCOME_MISSING job's bounds. */
    interface Outcomes {
        /** Where each outcome claim is POSTed for checking after it commits; unset = no verifier. */
        Optional<String> verifierUrl();

        /** Delivery attempts per claim (the first try included) before it is logged and dropped. */
        @WithDefault("3")
        int verifierAttempts();

        /** Wait before the first retry; doubled for each further retry. */
        @WithDefault("PT1S")
        Duration verifierBackoff();

        /** Connect and response timeout of one attempt. */
        @WithDefault("PT5S")
        Duration verifierTimeout();

        /** Unreported ALLOWed mutations the OUTCOME_MISSING job reads per run at most (oldest first). */
        @WithDefault("5000")
        int missingMaxPerRun();
    }

    /** The earlier steps a decision is judged with (rules/session-flows.drl). */
    interface Session {
        /** How far back the agent's and the session's steps are read. */
        @WithDefault("PT1H")
        Duration window();

        /** At most this many of the latest steps are read, so one decision's reads stay bounded. */
        @WithDefault("200")
        int maxSteps();
    }

    interface Policy {
        /** Directory of Drools rule files ({@code .drl}), relative to the working directory. */
        @WithDefault("rules")
        String rulesDir();

        /** Directory of decision tables ({@code .dmn}, {@code .xlsx}), relative to the working directory. */
        @WithDefault("decision-tables")
        String tablesDir();

        /** Directory of policy test cases ({@code *.yaml}) a reload can be made to require. */
        @WithDefault("policy-tests")
        String testsDir();

        /** Reload automatically when the files in the policy directories change. */
        @WithDefault("false")
        boolean watch();

        /** How often the watcher looks; a change is loaded once it has been stable for one interval. */
        @WithDefault("2s")
        Duration watchInterval();

        /** Largest accepted policy file in bytes (each .drl, .dmn, .xlsx). */
        @WithDefault("5242880")
        long maxFileBytes();

        /**
         * Longest one evaluation may take (a plan: one per step, plus one). Past it the decision is
         * DENY / POLICY_ERROR naming the deadline, recorded like any other, and the evaluation is stopped.
         */
        @WithDefault("250ms")
        Duration evaluationTimeout();

        /** Most rule firings one evaluation may take; a rule that keeps re-firing is DENY / POLICY_ERROR past it. */
        @WithDefault("10000")
        int maxRuleFirings();

        /**
         * Candidate policy directories for replay must lie under this directory (relative paths are
         * resolved against it), so a policy path cannot be used to read arbitrary files.
         */
        @WithDefault(".")
        String candidateRoot();
    }

    interface Http {
        /** Largest accepted request body in bytes; larger bodies get 413 problem+json. */
        @WithDefault("262144")
        long maxBodyBytes();

        /** Longest accepted request line target (path and query) in characters; longer gets 414 problem+json. */
        @WithDefault("8192")
        int maxUriLength();

        /** Most header bytes (names and values) one request may carry; more gets 431 problem+json. */
        @WithDefault("16384")
        int maxHeaderBytes();
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

        /**
         * Long-polls one caller (an agent key or a user) may have open at once on one instance; one
         * more is refused with 429 and {@code Retry-After}. A wait holds no thread, only a connection.
         */
        @WithDefault("50")
        int maxWaitsPerCaller();

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

    interface Audit {
        /**
         * Longest an audit append may wait (for the chain lock or the database) before the request
         * fails with 503. Applied as a JDBC query timeout, so it is rounded up to whole seconds.
         */
        @WithDefault("PT2S")
        Duration writeTimeout();

        /**
         * JSON paths in decision requests stored as {@code hmac-sha256:<hex>} instead of their value,
         * e.g. {@code reasoning.prompt}, {@code action.target}, {@code inputs[].value} ({@code []} = every
         * element); in a plan they apply to each step too. Masked wherever Governor shows or stores the
         * request (decisions, facts, approvals, plans, exports, the audit log) and in reason messages
         * that quote the value. Fields Governor keeps in clear to work (agentId, sessionId, approvalId,
         * planId, stepIndex, action.type, action.environment, action.impact, inputs[].observedAt) are
         * refused at start-up. Empty by default.
         */
        Optional<List<String>> sensitiveFields();

        /** Key for the sensitive-field hashes; required (at least 32 characters) when any field is listed. */
        Optional<String> hmacKey();

        /** Rows fetched per database round trip while streaming an export or verifying the chain. */
        @WithDefault("500")
        int fetchSize();

        Signing signing();

        Checkpoints checkpoints();

        interface Signing {
            /**
             * Directory (outside the database) of the Ed25519 key that signs every record and
             * checkpoint: {@code signing-key.pem} (private) and {@code signing-key.pub.pem} (public,
             * for auditors). Empty on the first start: a key is generated there and the log says so.
             * Set it with {@code GOVERNOR_AUDIT_SIGNING_KEY_DIR}.
             */
            @WithDefault("data/audit-key")
            String keyDir();
        }

        interface Checkpoints {
            /** Directory (outside the database) signed checkpoints are written to, one file each; archive it elsewhere. */
            @WithDefault("data/audit-checkpoints")
            String dir();

            /** A checkpoint at the latest committed record once this many records were added since the last. */
            @WithDefault("1000")
            int everyRecords();

            /** And this often when records were added at all ({@code off} disables the timer). */
            @WithDefault("60s")
            String every();
        }
    }

    interface Auth {
        /**
         * Token of the administrator created on first start when no user exists yet (set it with
         * {@code GOVERNOR_BOOTSTRAP_ADMIN_TOKEN}; {@code gvu_} followed by at least 32 characters).
         * Unset: a token is generated and logged once, at that first start.
         */
        Optional<String> bootstrapAdminToken();

        /** Name of the bootstrap administrator. */
        @WithDefault("admin")
        String bootstrapAdminName();

        /**
         * When the owner of an agent may not approve its requests: {@code irreversible} (requests
         * for irreversible actions and plans), {@code always}, or {@code off}.
         */
        @WithDefault("irreversible")
        FourEyes fourEyes();

        /** Sustained decisions per second one agent key may ask for ({@code POST /v1/decisions}). */
        @WithDefault("50")
        int decisionsPerSecond();

        /** Decisions one agent key may ask for in a burst above the sustained rate. */
        @WithDefault("100")
        int decisionsBurst();

        /**
         * A throttled agent leaves one {@code AGENT_THROTTLED} audit record per this window (per
         * instance), counting its refusals since the previous record; every refusal also counts in
         * the metric {@code governor_throttled_total}.
         */
        @WithDefault("PT1M")
        Duration throttleAuditWindow();

        /** Failed authentications from one address within {@link #failureWindow()} before it gets 429. */
        @WithDefault("20")
        int maxFailures();

        /** The window failed authentications are counted in, and how long an address is then refused. */
        @WithDefault("PT1M")
        Duration failureWindow();

        /**
         * How often the owners of agents whose keys have entered their warning time
         * (decision-tables/key-lifetimes.dmn) are told, once a key, through the approval webhook
         * ({@code off} disables it).
         */
        @WithDefault("15m")
        String keyNoticeEvery();

        enum FourEyes { IRREVERSIBLE, ALWAYS, OFF }
    }

    /**
     * The recent values Governor accepted per input source and metric (README "Input history"),
     * which rules/data-quality.drl compares each new value with. Kept in the database.
     */
    interface Inputs {
        /** Values kept and compared per source and metric, newest first; 0 keeps no history. */
        @WithDefault("50")
        int historySize();

        /** Distinct source-and-metric series kept; the least recently recorded beyond it are dropped. */
        @WithDefault("10000")
        int historySeries();

        /** How often the stored history is trimmed to these bounds ({@code off} disables it). */
        @WithDefault("60s")
        String pruneEvery();
    }
}
