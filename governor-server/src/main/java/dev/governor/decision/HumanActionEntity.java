package dev.governor.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A human's action on a decision; inserted once, never updated (bound in the audit log). */
@Entity
@Table(name = "decision_human_actions")
public class HumanActionEntity {

    /** Where the action was recorded from. */
    public enum Source { HUMAN_ACTION, APPROVAL }

    @Id
    public UUID id;
    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;
    @Column(nullable = false)
    public int seq;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HumanAction action;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;
    @Column(name = "action_taken")
    public String actionTakenJson;
    @Column(nullable = false)
    public String actor;
    public String comment;
    @Column(name = "acted_at", nullable = false)
    public OffsetDateTime actedAt;
}
