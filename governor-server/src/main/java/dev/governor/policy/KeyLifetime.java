package dev.governor.policy;

import java.time.Duration;

/**
 * How long a credential issued now may live, and how long before its end the end is announced
 * ({@code decision-tables/key-lifetimes.dmn}).
 *
 * @param maxLifetime null when no row applies or the table could not be read: then nothing is issued
 * @param warnBefore  null under the same conditions
 * @param source      the row that decided ({@code decision-tables/key-lifetimes.dmn#kl-...}), or null
 * @param error       why there is no answer, or null
 */
public record KeyLifetime(Duration maxLifetime, Duration warnBefore, String source, String error) {

    public static final String FILE = "decision-tables/key-lifetimes.dmn";

    /** What a credential is: the long-lived agent key or a session token exchanged for it. */
    public enum Credential { AGENT_KEY, SESSION_TOKEN }

    public static KeyLifetime unknown(String error) {
        return new KeyLifetime(null, null, null, error);
    }

    public boolean known() {
        return maxLifetime != null && warnBefore != null;
    }
}
