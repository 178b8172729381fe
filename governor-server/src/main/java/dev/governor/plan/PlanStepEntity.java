package dev.governor.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a plan; {@code executedBy} is set once, by a conditional update. */
@Entity
@Table(name = "plan_steps")
@IdClass(PlanStepEntity.Key.class)
public class PlanStepEntity {

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Id
    @Column(name = "step_index")
    public int stepIndex;
    @Column(name = "action_hash", nullable = false)
    public String actionHash;
    @Column(nullable = false)
    public String outcome;
    @Column(name = "executed_by")
    public UUID executedBy;
    @Column(name = "executed_at")
    public OffsetDateTime executedAt;

    public record Key(UUID planId, int stepIndex) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
