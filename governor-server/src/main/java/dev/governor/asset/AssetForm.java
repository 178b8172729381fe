package dev.governor.asset;

import dev.governor.audit.ChainHash;

import java.util.UUID;

/**
 * An asset in the one form its audit records bind: every column of {@code assets}, times as the
 * chain writes them. An asset feeds the verdicts on its targets, so a tier lowered from PRODUCTION,
 * a pattern widened or narrowed, or a deletion undone by SQL must show.
 */
record AssetForm(UUID assetId, String target, String liveTarget, String likePattern, String tier, String dataClass,
                 String criticality, String ownerTeam, Long records, Long users, String monetaryValue,
                 String createdAt, String updatedAt, String deletedAt, long version) {

    static final String KIND = "asset";

    static AssetForm of(AssetEntity e) {
        return new AssetForm(e.id, e.target, e.liveTarget, e.likePattern, e.tier.name(), e.dataClass.name(),
                e.criticality.name(), e.ownerTeam, e.records, e.users,
                e.monetaryValue == null ? null : Exposure.plain(e.monetaryValue).toPlainString(),
                ChainHash.formatAt(e.createdAt), ChainHash.formatAt(e.updatedAt),
                e.deletedAt == null ? null : ChainHash.formatAt(e.deletedAt), e.version);
    }
}
