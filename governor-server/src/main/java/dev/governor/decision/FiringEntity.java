package dev.governor.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One rule fired or table row matched for a stored decision. */
@Entity
@Table(name = "decision_firings")
public class FiringEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "firings")
    @SequenceGenerator(name = "firings", sequenceName = "decision_firings_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "decision_id")
    public DecisionEntity decision;
    @Column(nullable = false)
    public int seq;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String file;
    @Column(nullable = false)
    public String name;
    @Column(name = "row_id")
    public String rowId;
    @Column(name = "row_index")
    public Integer rowIndex;
    @Column(name = "reason_code")
    public String reasonCode;
    public String outcome;
}
