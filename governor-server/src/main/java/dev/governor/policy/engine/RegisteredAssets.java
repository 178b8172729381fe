package dev.governor.policy.engine;

import dev.governor.policy.BlastRadius;
import dev.governor.policy.EnvironmentTier;
import dev.governor.policy.EvaluationInput.AssetFacts;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every registered asset a target matches (assets.xlsx and /v1/assets alike), folded the way the
 * issue of record defines it: the strictest tier, the largest exposure and criticality, every data
 * class. Registering an asset can only make its actions judged more strictly, never less.
 */
record RegisteredAssets(EnvironmentTier tier, Long records, Long users, BigDecimal monetaryValue,
                        BlastRadius criticality, Set<String> dataClasses, List<String> sources) {

    static RegisteredAssets of(List<AssetFacts> assets) {
        EnvironmentTier tier = null;
        Long records = null;
        Long users = null;
        BigDecimal money = null;
        BlastRadius criticality = null;
        Set<String> classes = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (AssetFacts a : assets) {
            tier = TargetTables.max(tier, a.tier());
            records = TargetTables.max(records, a.records());
            users = TargetTables.max(users, a.users());
            money = TargetTables.max(money, a.monetaryValue());
            criticality = TargetTables.max(criticality, a.criticality() == null ? null : BlastRadius.valueOf(a.criticality()));
            if (a.dataClass() != null) classes.add(a.dataClass());
            sources.add(a.source());
        }
        return new RegisteredAssets(tier, records, users, money, criticality, Set.copyOf(classes), List.copyOf(sources));
    }

    /** The effective figure: unknown when the agent declared none (never the registered one alone). */
    static <T extends Comparable<T>> T effective(T declared, T registered) {
        return declared == null ? null : TargetTables.max(declared, registered);
    }
}
