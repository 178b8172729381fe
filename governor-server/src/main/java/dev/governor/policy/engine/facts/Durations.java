package dev.governor.policy.engine.facts;

/** Human-readable durations for reason messages. */
public final class Durations {

    private Durations() {
    }

    public static String human(long seconds) {
        if (seconds < 60) return seconds + "s";
        long minutes = seconds / 60;
        if (minutes < 60) return minutes + "m";
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours < 48) return rest == 0 ? hours + "h" : hours + "h " + rest + "m";
        return (hours / 24) + "d";
    }

    public static String minutes(long minutes) {
        return human(minutes * 60);
    }
}
