package dev.governor.decision;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stored decision. Written once, never updated; stays inside this package. */
@Entity
@Table(name = "decisions")
public class DecisionEntity {

    @Id
    public UUID id;
    @Column(name = "agent_id", nullable = false)
    public String agentId;
    @Column(name = "session_id")
    public String sessionId;
    @Column(name = "approval_id")
    public UUID approvalId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "step_index")
    public Integer stepIndex;
    @Column(name = "action_type", nullable = false)
    public String actionType;
    @Column(nullable = false)
    public String environment;
    /** The answer, after any approval or plan step. */
    @Column(nullable = false)
    public String outcome;
    /** The policy's verdict before any approval or plan step; null for old records that named one. */
    @Column(name = "policy_verdict")
    public String policyVerdict;
    @Column(name = "verdict_reasons_json")
    public String verdictReasonsJson;
    @Column(nullable = false)
    public String reversibility;
    @Column(name = "blast_radius", nullable = false)
    public String blastRadius;
    @Column(name = "policy_version", nullable = false)
    public String policyVersion;
    @Column(name = "request_json", nullable = false)
    public String requestJson;
    @Column(name = "response_json", nullable = false)
    public String responseJson;
    @Column(name = "facts_json")
    public String factsJson;
    @Column(name = "errors_json")
    public String errorsJson;
    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;
    @Column(name = "latency_micros", nullable = false)
    public long latencyMicros;
    /** Comma-separated, sorted; null when the target held nothing Governor knows of. */
    @Column(name = "data_classes")
    public String dataClasses;
    /** Whether the policy judged it a mutation; null on decisions recorded before this was kept. */
    @Column(name = "mutating")
    public Boolean mutating;
    /** AGENT or HUMAN_OPERATOR as registered when it was decided; null before this was kept. */
    @Column(name = "agent_kind")
    public String agentKind;

    @OneToMany(mappedBy = "decision", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<FiringEntity> firings = new ArrayList<>();
}
