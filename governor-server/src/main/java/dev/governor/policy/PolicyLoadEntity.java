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
class PolicyLoadEntity {

    @Id
    UUID id;
    @Column(name = "attempted_at", nullable = false)
    OffsetDateTime attemptedAt;
    @Column(nullable = false)
    String actor;
    @Column(name = "trigger_type", nullable = false)
    String trigger;
    @Column(nullable = false)
    String outcome;
    String version;
    @Column(name = "previous_version")
    String previousVersion;
    @Column(name = "active_version")
    String activeVersion;
    @Column(name = "errors_json")
    String errorsJson;
    @Column(name = "warnings_json")
    String warningsJson;
    @Column(name = "files_json")
    String filesJson;
    String tests;
}
