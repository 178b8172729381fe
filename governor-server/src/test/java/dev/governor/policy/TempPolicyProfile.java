package dev.governor.policy;

import dev.governor.testing.Build;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs Governor on a throw-away copy of the shipped policy, so tests can edit files and reload. */
public class TempPolicyProfile implements QuarkusTestProfile {

    static final Path ROOT;

    static {
        try {
            ROOT = Files.createTempDirectory(Build.dir(), "policy-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restore();
    }

    /** Puts the shipped rules, tables and tests back into the copy. */
    static void restore() {
        try {
            for (String dir : List.of("rules", "decision-tables", "policy-tests")) {
                Path target = ROOT.resolve("live").resolve(dir);
                if (Files.exists(target)) {
                    try (Stream<Path> old = Files.list(target)) {
                        for (Path f : old.toList()) Files.delete(f);
                    }
                }
                copy(Path.of(dir), target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the shipped policy back and makes it the version in force again. */
    static void restore(PolicyService policies) {
        restore();
        policies.reload("test", PolicyLoad.Trigger.RELOAD, false);
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "governor.policy.rules-dir", ROOT.resolve("live/rules").toString(),
                "governor.policy.tables-dir", ROOT.resolve("live/decision-tables").toString(),
                "governor.policy.tests-dir", ROOT.resolve("live/policy-tests").toString(),
                "governor.policy.candidate-root", ROOT.toString());
    }
}
