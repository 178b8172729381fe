package dev.governor.policy;

/** Shared test data for policy tests. */
public final class PolicyFixtures {

    /** A policy test case that the shipped policy fails on purpose: reads are allowed, not denied. */
    public static final String WRONG_CASE_YAML = """
            now: 2026-11-24T10:00:00Z
            cases:
              - name: reads are denied (wrong on purpose)
                given:
                  agent: { id: a, autonomyLevel: AUTONOMOUS, environments: [sandbox], permissions: ["*:*"] }
                  action: { type: config.read, environment: sandbox }
                expect:
                  outcome: DENY
            """;

    private PolicyFixtures() {
    }
}
