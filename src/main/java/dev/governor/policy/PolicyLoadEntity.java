package dev.governor.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of the policy load history; written once, never updated; stays inside this package. */
@Entity
@Table(name = "policy_loads")
public class PolicyLoadEntity {

    @Id
    public UUID id;
    @Column(name = "attempted_at", nullable = false)
    public OffsetDateTime attemptedAt;
    @Column(nullable = false)
    public String actor;
    @Column(name = "trigger_type", nullable = false)
    public String trigger;
    @Column(nullable = false)
    public String outcome;
    public String version;
    @Column(name = "previous_version")
    public String previousVersion;
    @Column(name = "active_version")
    public String activeVersion;
    @Column(name = "errors_json")
    public String errorsJson;
    @Column(name = "warnings_json")
    public String warningsJson;
}
