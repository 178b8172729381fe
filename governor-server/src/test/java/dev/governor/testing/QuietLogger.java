package dev.governor.testing;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Silences one logger for the length of a try-with-resources block, for a test that breaks
 * something on purpose where the library logs the breakage as an ERROR and Governor reports it
 * anyway (outside Quarkus, so the test profile's {@link ProvokedFaults} filter does not apply).
 */
public final class QuietLogger implements AutoCloseable {

    private final Logger logger; // held: java.util.logging keeps loggers only weakly
    private final Level before;

    private QuietLogger(String name) {
        this.logger = Logger.getLogger(name);
        this.before = logger.getLevel();
        logger.setLevel(Level.OFF);
    }

    public static QuietLogger quiet(String name) {
        return new QuietLogger(name);
    }

    @Override
    public void close() {
        logger.setLevel(before);
    }
}
