package dev.governor.policy.engine;

import dev.governor.testing.Build;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The allow-list keeps up with the fact classes: a new one must be listed before a rule can use it. */
class AllowedTest {

    @Test
    void everyFactClassIsOnTheAllowList() throws IOException {
        Path facts = Build.path("classes/dev/governor/policy/engine/facts");
        List<String> classes;
        try (Stream<Path> files = Files.list(facts)) {
            classes = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.matches(".*\\$\\d+.*")) // anonymous and synthetic classes
                    .map(n -> "dev.governor.policy.engine.facts." + n.replace('$', '.')).sorted().toList();
        }
        assertThat(classes).isNotEmpty();
        for (String c : classes) {
            assertThat(Allowed.isAllowedType(c))
                    .as(c + " is a fact class but not on the allow-list: add it to Allowed.FACTS so rules may use it").isTrue();
        }
    }

    @Test
    void simpleNamesResolveOnlyToListedTypes() {
        List<String> imports = List.of("dev.governor.policy.engine.facts.*", "java.util.*", "java.util.List");
        assertThat(Allowed.resolve("ActionFact", imports)).contains("dev.governor.policy.engine.facts.ActionFact");
        assertThat(Allowed.resolve("List", imports)).contains("java.util.List");
        assertThat(Allowed.resolve("Map", imports)).contains("java.util.Map");
        assertThat(Allowed.resolve("String", imports)).contains("java.lang.String");
        assertThat(Allowed.resolve("Scanner", imports)).isEmpty();
        assertThat(Allowed.resolve("System", imports)).isEmpty();
        assertThat(Allowed.isAllowedType("java.time.Instant")).isTrue();
        assertThat(Allowed.isAllowedType("java.lang.ProcessBuilder")).isFalse();
        assertThat(Allowed.isAllowedPackage("java.io")).isFalse();
    }
}
