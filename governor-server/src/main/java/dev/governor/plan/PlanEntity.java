package dev.governor.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A verified plan, as requested and as answered. Written once. */
@Entity
@Table(name = "plans")
public class PlanEntity {

    @Id
    public UUID id;
    @Column(name = "agent_id", nullable = false)
    public String agentId;
    @Column(name = "session_id")
    public String sessionId;
    @Column(nullable = false)
    public String outcome;
    @Column(name = "steps_hash", nullable = false)
    public String stepsHash;
    @Column(name = "policy_version", nullable = false)
    public String policyVersion;
    @Column(name = "request_json", nullable = false)
    public String requestJson;
    @Column(name = "response_json", nullable = false)
    public String responseJson;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
