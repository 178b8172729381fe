package dev.governor.policy;

import java.math.BigDecimal;

/**
 * Sums of impact figures where null means unknown: a sum with an unknown part is unknown, so a
 * figure an agent left out can never make a total look smaller than it is.
 */
public final class Figures {

    private Figures() {
    }

    public static Long add(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.add(b);
    }
}
