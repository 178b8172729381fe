package dev.governor.agent;

import dev.governor.policy.AutonomyLevel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Persistent form of an agent; never leaves this package (the service hands out {@link Agent}). */
@Entity
@Table(name = "agents")
class AgentEntity {

    @Id
    String id;

    @Column(nullable = false)
    String owner;

    String task;

    @Enumerated(EnumType.STRING)
    @Column(name = "autonomy_level", nullable = false)
    AutonomyLevel autonomyLevel;

    @Column(nullable = false)
    boolean suspended;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    AgentKind kind = AgentKind.AGENT;

    @Column(name = "suspended_reason")
    String suspendedReason;

    // Lazy, with batch loading for lists; single-agent reads fetch-join both sets in one query.
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agent_environments", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "environment", nullable = false)
    @BatchSize(size = 100)
    Set<String> environments = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agent_permissions", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "permission", nullable = false)
    @BatchSize(size = 100)
    Set<String> permissions = new HashSet<>();

    /** When a grant ends, for the grants that end; a grant is over from that instant on. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "agent_grant_ends", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "permission")
    @Column(name = "ends_at", nullable = false)
    @BatchSize(size = 100)
    Map<String, Instant> grantEnds = new HashMap<>();

    /** The autonomy-promotion.dmn version in force at registration: the criteria promised before it acted. */
    @Column(name = "criteria_version")
    String criteriaVersion;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
