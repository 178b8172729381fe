package dev.governor.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One change of an agent's level or environments; appended, never updated. */
@Entity
@Table(name = "agent_levels")
class AgentLevelEntity {

    @Id
    UUID id;

    @Column(name = "agent_id", nullable = false)
    String agentId;

    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LevelChange.Kind kind;

    @Column(name = "autonomy_level", nullable = false)
    String autonomyLevel;

    /** Comma-separated, sorted. */
    @Column(nullable = false)
    String environments;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    boolean override;

    String reason;

    @Column(name = "promotion_id")
    UUID promotionId;

    /** The policy row behind an automatic change, e.g. decision-tables/drift-response.dmn#dr-drift-demote. */
    String source;
}
