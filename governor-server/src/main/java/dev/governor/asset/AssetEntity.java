package dev.governor.asset;

import dev.governor.policy.DataClass;
import dev.governor.policy.EnvironmentTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Persistent form of an asset; never leaves this package (the service hands out {@link Asset}). */
@Entity
@Table(name = "assets")
class AssetEntity {

    @Id
    UUID id;

    @Column(nullable = false)
    String target;

    /** {@link #target} while registered, null once deleted (unique: one live asset per target). */
    @Column(name = "live_target")
    String liveTarget;

    @Column(name = "like_pattern", nullable = false)
    String likePattern;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    EnvironmentTier tier;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_class", nullable = false)
    DataClass dataClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Criticality criticality;

    @Column(name = "owner_team", nullable = false)
    String ownerTeam;

    Long records;

    Long users;

    @Column(name = "monetary_value")
    BigDecimal monetaryValue;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "deleted_at")
    Instant deletedAt;

    @Version
    long version;

    /** Takes every field of {@code request}; the asset stays (or becomes) registered under its target. */
    void apply(AssetRequest request, Instant now) {
        target = request.target();
        liveTarget = request.target();
        likePattern = AssetPattern.like(request.target());
        tier = request.tier();
        dataClass = request.dataClass();
        criticality = request.criticality();
        ownerTeam = request.ownerTeam();
        records = request.exposure().records();
        users = request.exposure().users();
        monetaryValue = Exposure.plain(request.exposure().monetaryValue());
        updatedAt = now;
    }
}
