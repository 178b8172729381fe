package dev.governor.testing;

import java.nio.file.Path;

/**
 * The server module's build directory. Tests run with the repository root as working directory
 * (policy files, README and docker/ live there), so "target" alone would name the root's.
 */
public final class Build {

    private Build() {
    }

    /** {@code governor-server/target}, as Maven passes it; "target" when a test runs outside Maven from the module. */
    public static Path dir() {
        return Path.of(System.getProperty("test.build-dir", "target")).toAbsolutePath();
    }

    public static Path path(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }
}
