package dev.governor;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules, checked on the main classes: only the engine touches Drools/KIE, the feature
 * packages form no cycle, and each feature keeps its tables (entities and SQL) to itself; others
 * call its service.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.governor";

    /** Known violations, to be removed, never added to: none left. */
    private static final List<Edge> KNOWN_CYCLE_EDGES = List.of();
    /** {@code "<source file>: <table or entity>"}. */
    private static final Set<String> KNOWN_FOREIGN_TABLE_USERS = Set.of();

    /** A dependency of one class (and its nested classes) on a package. */
    private record Edge(String from, String toPackage) {
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertThat(main).as("main classes imported").hasSizeGreaterThan(100);
    }

    @Test
    void onlyTheEngineTouchesDroolsAndKie() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".policy.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .because("policy/engine is the one place that knows the rule engine")
                .check(main);
    }

    @Test
    void featurePackagesFormNoCycle() {
        SliceRule rule = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
        for (Edge edge : KNOWN_CYCLE_EDGES) {
            rule = rule.ignoreDependency(
                    DescribedPredicate.describe(edge.from(), c -> c.getName().replaceAll("\\$.*", "").equals(edge.from())),
                    JavaClass.Predicates.resideInAPackage(edge.toPackage() + ".."));
        }
        rule.check(main);
    }

    @Test
    void entitiesStayInTheirPackage() {
        classes().that().areAnnotatedWith(Entity.class)
                .should(beUsedOnlyInTheirOwnPackage())
                .because("other features call the owning package's service; the entity is its storage")
                .check(main);
    }

    /**
     * JPQL names entities and SQL names tables as text, which no class dependency shows: read the
     * sources of every other package for them.
     */
    @Test
    void noPackageQueriesAnotherPackagesTables() throws IOException {
        Map<String, String> ownerOfName = names();
        assertThat(ownerOfName).as("tables and entities found").containsKeys("agents", "AgentEntity", "audit_log");
        List<String> problems = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("governor-server/src/main/java/dev/governor"))) {
            for (Path file : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = featureOf(file);
                String text = Files.readString(file);
                ownerOfName.forEach((name, owner) -> {
                    if (owner.equals(pkg)) return;
                    Matcher m = mention(name).matcher(text);
                    if (m.find() && !KNOWN_FOREIGN_TABLE_USERS.contains(file.getFileName() + ": " + name)) {
                        problems.add(file + " queries " + name + " of " + owner + ": \"" + m.group().trim() + "\"");
                    }
                });
            }
        }
        assertThat(problems).as("SQL or JPQL over another feature's tables").isEmpty();
    }

    /** An exception that no longer matches anything must go, so the lists only ever shrink. */
    @Test
    void everyKnownViolationStillExists() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Edge edge : KNOWN_CYCLE_EDGES) {
            boolean exists = main.stream()
                    .filter(c -> c.getName().replaceAll("\\$.*", "").equals(edge.from()))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(edge.toPackage()));
            if (!exists) stale.add(edge.from() + " -> " + edge.toPackage());
        }
        Map<String, String> owners = names();
        for (String known : KNOWN_FOREIGN_TABLE_USERS) {
            String file = known.substring(0, known.indexOf(':'));
            String name = known.substring(known.indexOf(':') + 2);
            boolean exists;
            try (Stream<Path> sources = Files.walk(Path.of("governor-server/src/main/java/dev/governor"))) {
                exists = sources.filter(p -> p.getFileName().toString().equals(file)).anyMatch(p -> {
                    try {
                        return owners.containsKey(name) && mention(name).matcher(Files.readString(p)).find();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            if (!exists) stale.add(known);
        }
        assertThat(stale).as("known violations that are gone: remove them from ArchitectureTest").isEmpty();
    }

    /** Entity names (for JPQL) and table names (for SQL) → the feature package that owns them. */
    private static Map<String, String> names() {
        Map<String, String> owners = new TreeMap<>();
        // Tables without an entity: the audit chain is written and read over JDBC.
        owners.put("audit_log", "audit");
        owners.put("audit_head", "audit");
        for (JavaClass entity : main) {
            if (!entity.isAnnotatedWith(Entity.class)) continue;
            String owner = feature(entity.getPackageName());
            owners.put(entity.getSimpleName(), owner);
            entity.tryGetAnnotationOfType(Table.class).ifPresent(t -> owners.put(t.name(), owner));
            entity.getFields().forEach(f -> f.tryGetAnnotationOfType(CollectionTable.class)
                    .ifPresent(t -> owners.put(t.name(), owner)));
        }
        return owners;
    }

    /** A table after FROM/JOIN/UPDATE/INTO (any case), or an entity name as a whole word. */
    private static Pattern mention(String name) {
        if (Character.isUpperCase(name.charAt(0))) return Pattern.compile("\\b" + name + "\\b");
        return Pattern.compile("(?i)\\b(from|join|update|into|table)\\s+" + name + "\\b");
    }

    private static String featureOf(Path file) {
        Path relative = Path.of("governor-server/src/main/java/dev/governor").relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    private static String feature(String packageName) {
        String rest = packageName.equals(ROOT) ? "" : packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String sourceFile(JavaClass c) {
        String topLevel = c.getName().replaceAll("\\$.*", "");
        return topLevel.substring(topLevel.lastIndexOf('.') + 1) + ".java";
    }

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnPackage() {
        return new ArchCondition<>("be used only in their own package") {
            @Override
            public void check(JavaClass entity, ConditionEvents events) {
                for (Dependency d : entity.getDirectDependenciesToSelf()) {
                    JavaClass origin = d.getOriginClass();
                    if (!origin.getPackageName().equals(entity.getPackageName())
                            && !KNOWN_FOREIGN_TABLE_USERS.contains(sourceFile(origin) + ": " + entity.getSimpleName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
