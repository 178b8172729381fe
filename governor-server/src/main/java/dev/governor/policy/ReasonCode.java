package dev.governor.policy;

/**
 * The catalogue of reason codes: every code a policy file or Governor itself may put on a
 * verdict, with what it means and the outcome it usually carries (a row or rule may give a
 * code another outcome: a budget row says DENY, an observing agent's AUTONOMY_LEVEL is a
 * RECOMMEND). Policy files write codes as text, so the catalogue is kept honest by a test
 * ({@code ReasonCodeCatalogueTest}) that reads every rule file, decision table, spreadsheet and
 * main Java source, and the README's table, and fails on any code missing here.
 */
public enum ReasonCode {

    UNKNOWN_AGENT(Outcome.DENY, "the agent is not registered"),
    AGENT_SUSPENDED(Outcome.DENY, "the agent is suspended"),
    PERMISSION_NOT_GRANTED(Outcome.DENY, "the agent holds no grant `<resource>:<verb>` for the action type, the "
            + "grant that would has expired (`grantsUntil`), or the session token used carries none"),
    TOKEN_SESSION_MISMATCH(Outcome.DENY, "the request was made with a session token issued for another session "
            + "(`POST /v1/agents/{id}/tokens`)"),
    AGENT_ORPHANED(Outcome.REQUIRE_APPROVAL, "the agent's owner is disabled, deleted or not a known user: its "
            + "mutations need a human until it is reassigned; reads pass"),
    ENVIRONMENT_NOT_ALLOWED(Outcome.DENY, "the agent may not act in the action's environment"),
    GLOBAL_HALT(Outcome.DENY, "every agent is halted (`POST /v1/halt`); only reads pass"),
    SCOPED_HALT(Outcome.DENY, "a halt covers this action's environment, tier, owner, type, class, agent or session (`POST /v1/halts`); only reads pass"),
    CODE_FREEZE(Outcome.DENY, "a freeze covers the action's environment; only reads pass"),
    NO_ROLLBACK_PLAN(Outcome.DENY, "a mutation that is not fully reversible names no rollback plan "
            + "(in production, as `required-evidence.dmn` asks; in a plan it is `REQUIRE_APPROVAL`)"),
    MISSING_EVIDENCE(Outcome.REQUIRE_APPROVAL, "the request lacks what `required-evidence.dmn` asks for "
            + "(an impact figure, an input) or a budget of `budgets.dmn` limits a figure left undeclared; "
            + "the row says `REQUIRE_APPROVAL` or `DENY`"),
    DATA_STALE(Outcome.DENY, "an input is older than its source's limit in `data-freshness.xlsx`, "
            + "or no row sets a limit for it"),
    DATA_CONFLICT(Outcome.REQUIRE_APPROVAL, "two sources report the same metric further apart than "
            + "the family's tolerance in `data-agreement.xlsx`"),
    DATA_ANOMALY(Outcome.REQUIRE_APPROVAL, "an input lies outside its family's plausible range, jumps from "
            + "its metric's last accepted value or strays from its history beyond `data-agreement.xlsx`'s limits, "
            + "or is dated in the future"),
    UNKNOWN_ENVIRONMENT(Outcome.REQUIRE_APPROVAL, "no row of `environments.dmn` lists the environment: it is "
            + "treated as `PRODUCTION`, and a change there needs sign-off (reads pass)"),
    ENVIRONMENT_MISMATCH(Outcome.REQUIRE_APPROVAL, "the target is registered (`assets.xlsx`, `/v1/assets`) in a "
            + "stricter tier than the environment the agent named; it is judged in the stricter one"),
    SENSITIVE_TARGET(Outcome.REQUIRE_APPROVAL, "the target matches a row of `sensitive-targets.dmn` (secret "
            + "material, security controls, system configuration); the row gives the outcome"),
    EXFILTRATION_RISK(Outcome.REQUIRE_APPROVAL, "an action that sends data out (`egress.dmn`) after, or with, a step "
            + "that touched credentials or personal data"),
    PREREQUISITE_MISSING(Outcome.REQUIRE_APPROVAL, "the step `prerequisites.dmn` asks for has not come first in the "
            + "same session with the outcome it names"),
    UNKNOWN_ACTION_TYPE(Outcome.REQUIRE_APPROVAL, "the action type is not classified: only the catch-all "
            + "last row of `reversibility.dmn` matches, so it is treated as irreversible"),
    IRREVERSIBLE_ACTION(Outcome.REQUIRE_APPROVAL, "the action cannot be undone"),
    HIGH_BLAST_RADIUS(Outcome.REQUIRE_APPROVAL, "the declared impact (of the action, or of a plan's "
            + "steps together) is high or critical"),
    AUTONOMY_LEVEL(Outcome.REQUIRE_APPROVAL, "the agent's autonomy level does not cover the action "
            + "(`RECOMMEND` for an agent at `OBSERVE`)"),
    BUDGET_EXCEEDED(Outcome.REQUIRE_APPROVAL, "the action would take the agent past a limit of "
            + "`budgets.dmn` (the row says `REQUIRE_APPROVAL` or `DENY`)"),
    MULTIPLE_IRREVERSIBLE_STEPS(Outcome.REQUIRE_APPROVAL, "a plan has more than one irreversible step"),
    READ_ONLY(Outcome.ALLOW, "the action only reads"),
    WITHIN_AUTONOMY(Outcome.ALLOW, "the mutation is within the agent's autonomy level"),
    PLAN_STEP(Outcome.ALLOW, "a step of an allowed plan, verified when the plan was allowed"),
    EXCEPTION_APPLIED(Outcome.ALLOW, "a break-glass exception (`POST /v1/exceptions`, approved by two people) lifted "
            + "the reason it names for this agent, action type and target; the lifted reason is quoted in the message"),
    APPROVED(Outcome.ALLOW, "a human approved this exact action; the approval is consumed"),
    APPROVAL_PENDING(Outcome.REQUIRE_APPROVAL, "the approval named is still waiting for a human"),
    APPROVAL_MISMATCH(Outcome.DENY, "the approval named is for another action or agent, a plan's, "
            + "or unknown"),
    APPROVAL_REJECTED(Outcome.DENY, "a human rejected the approval named"),
    APPROVAL_EXPIRED(Outcome.DENY, "the approval named has expired"),
    APPROVAL_CONSUMED(Outcome.DENY, "the approval named (or the plan step) was already used"),
    TOO_MANY_PENDING_APPROVALS(Outcome.DENY, "the agent already has as many pending approvals as "
            + "it may; no further one is opened"),
    OUTCOME_MISSING(Outcome.REQUIRE_APPROVAL, "an ALLOWed mutation had no outcome report once the period of "
            + "`outcome-deadlines.dmn` was over; flagged by Governor's job, audited and counted in the track record, "
            + "never a decision's reason"),
    NO_VERDICT(Outcome.DENY, "no policy vouched for the action (fail closed)"),
    POLICY_ERROR(Outcome.DENY, "the policy could not be evaluated (fail closed)");

    private final Outcome usualOutcome;
    private final String meaning;

    ReasonCode(Outcome usualOutcome, String meaning) {
        this.usualOutcome = usualOutcome;
        this.meaning = meaning;
    }

    public Outcome usualOutcome() {
        return usualOutcome;
    }

    /** One line, Markdown (the README's table is built from it). */
    public String meaning() {
        return meaning;
    }

    public static boolean isKnown(String code) {
        for (ReasonCode c : values()) {
            if (c.name().equals(code)) return true;
        }
        return false;
    }
}
