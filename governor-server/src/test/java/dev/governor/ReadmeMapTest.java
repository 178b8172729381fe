package dev.governor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README is the map: its layout lists every package, policy file and database table, its
 * "How a decision is made" table every policy file, and its links stay inside the repository.
 */
class ReadmeMapTest {

    private static final Path MAIN = Path.of("governor-server/src/main/java/dev/governor");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static String readme;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(Path.of("README.md"));
    }

    @Test
    void layoutListsEveryPackage() throws IOException {
        String layout = section("## Project layout");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(d -> !d.equals(MAIN)).toList()) {
                String relative = MAIN.relativize(dir).toString().replace('\\', '/');
                String shown = relative.chars().filter(c -> c == '/').count() >= 2
                        ? dir.getFileName() + "/" : relative + "/";
                if (!layout.contains(shown)) missing.add(relative);
            }
        }
        assertThat(missing).as("packages the layout does not list").isEmpty();
    }

    @Test
    void layoutListsEveryDatabaseTable() throws IOException {
        String layout = section("## Project layout");
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("governor-server/src/main/resources/db/migration"))) {
            for (Path sql : migrations.toList()) {
                Matcher m = CREATE_TABLE.matcher(Files.readString(sql));
                while (m.find()) tables.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables).as("tables created by the migrations").contains("agents", "audit_log");
        assertThat(tables.stream().filter(t -> !Pattern.compile("\\b" + t + "\\b").matcher(layout).find()))
                .as("tables the layout does not list").isEmpty();
    }

    @Test
    void layoutAndDecisionTableListEveryPolicyFile() throws IOException {
        String layout = section("## Project layout");
        String howItIsDecided = section("## How a decision is made");
        List<String> missing = new ArrayList<>();
        for (String dir : List.of("rules", "decision-tables")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    String stem = name.substring(0, name.lastIndexOf('.'));
                    if (!layout.contains(stem)) missing.add("layout: " + dir + "/" + name);
                    if (!howItIsDecided.contains(name)) missing.add("how a decision is made: " + dir + "/" + name);
                }
            }
        }
        assertThat(missing).as("policy files the README does not list").isEmpty();
    }

    @Test
    void linksStayInsideTheRepository() {
        Set<String> anchors = new TreeSet<>();
        for (String line : readme.split("\n")) {
            if (line.startsWith("#")) anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
        }
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(readme);
        while (m.find()) {
            String target = m.group(1);
            if (target.startsWith("#")) {
                if (!anchors.contains(target.substring(1))) broken.add(target + " (no such heading)");
            } else if (target.contains("://") || target.startsWith("..") || target.startsWith("/")) {
                broken.add(target + " (outside the repository)");
            } else if (!Files.exists(Path.of(target.replaceFirst("#.*", "")))) {
                broken.add(target + " (no such file)");
            }
        }
        assertThat(broken).as("README links").isEmpty();
    }

    /** The text from a heading to the next heading of the same level. */
    private static String section(String heading) {
        int start = readme.indexOf("\n" + heading);
        assertThat(start).as("README section " + heading).isGreaterThanOrEqualTo(0);
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
