package dev.governor.autonomy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Jensen-Shannon divergence, base 2, of two count distributions: 0 when they are the same mix,
 * 1 when they have nothing in common; symmetric and bounded, unlike Kullback-Leibler, so an
 * action type seen in one window only does not make it infinite. Null when either side is empty:
 * no baseline is not evidence of stability.
 */
final class Divergence {

    private Divergence() {
    }

    static Double jensenShannon(Map<String, Long> p, Map<String, Long> q) {
        double pTotal = total(p);
        double qTotal = total(q);
        if (pTotal == 0 || qTotal == 0) return null;
        Set<String> keys = new HashSet<>(p.keySet());
        keys.addAll(q.keySet());
        double sum = 0;
        for (String k : keys) {
            double pk = p.getOrDefault(k, 0L) / pTotal;
            double qk = q.getOrDefault(k, 0L) / qTotal;
            double m = (pk + qk) / 2;
            if (pk > 0) sum += 0.5 * pk * log2(pk / m);
            if (qk > 0) sum += 0.5 * qk * log2(qk / m);
        }
        return Math.min(1.0, Math.max(0.0, sum));
    }

    private static double total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).filter(n -> n > 0).sum();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
