package dev.governor.asset;

import dev.governor.policy.Targets;

/**
 * An asset's target pattern: {@code *} matches any run of characters (none included), every other
 * character only itself. Pattern and target are both compared as {@link Targets} normalises them
 * (lower case, backslashes as slashes, escapes decoded, dot segments resolved), as the policy's own
 * register (decision-tables/assets.xlsx) is, so spelling cannot hide a target. No regular expression
 * is ever built from it: the database matches the {@link #like} form, and {@link #matches} is the
 * same rule in Java, for tests and for readers.
 */
final class AssetPattern {

    static final char ESCAPE = '\\';

    private AssetPattern() {
    }

    /** The pattern as a SQL LIKE pattern with {@link #ESCAPE}: {@code *} → {@code %}, {@code % _ \} escaped. */
    static String like(String raw) {
        String pattern = Targets.normalise(raw);
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> out.append('%');
                case '%', '_', ESCAPE -> out.append(ESCAPE).append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code target} matches {@code pattern} (the rule the database applies to {@link #like}). */
    static boolean matches(String pattern, String target) {
        return Targets.matches(pattern, target);
    }
}
