package dev.governor.asset;

import dev.governor.policy.DataClass;
import dev.governor.policy.EnvironmentTier;

import java.time.Instant;
import java.util.UUID;

/** A registered asset as the API shows it. */
public record Asset(UUID id, String target, EnvironmentTier tier, DataClass dataClass, Criticality criticality,
                    String ownerTeam, Exposure exposure, Instant createdAt, Instant updatedAt) {

    static Asset of(AssetEntity e) {
        return new Asset(e.id, e.target, e.tier, e.dataClass, e.criticality, e.ownerTeam,
                new Exposure(e.records, e.users, Exposure.plain(e.monetaryValue)), e.createdAt, e.updatedAt);
    }
}
