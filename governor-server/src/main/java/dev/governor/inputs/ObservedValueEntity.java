package dev.governor.inputs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One value an ALLOWed mutation relied on, as the input history keeps it. */
@Entity
@Table(name = "input_history")
public class ObservedValueEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "input_history")
    @SequenceGenerator(name = "input_history", sequenceName = "input_history_seq", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public String series;
    @Column(nullable = false)
    public String source;
    @Column(nullable = false)
    public String metric;
    @Column(name = "observed_value", nullable = false)
    public BigDecimal value;
    @Column(name = "observed_at", nullable = false)
    public OffsetDateTime observedAt;
    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
