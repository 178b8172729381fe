package dev.governor.deploy;

import dev.governor.GovernorConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the files under {@code docker/} and knows what Governor reads: the environment variables
 * of every {@link GovernorConfig} setting and every {@code ${NAME}} in application.properties,
 * derived from the code so that a renamed setting breaks the deployment tests.
 */
final class DeployFiles {

    static final Path DOCKER = Path.of("docker");
    static final Path PROPERTIES = Path.of("governor-server/src/main/resources/application.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern ENTRYPOINT_FILES = Pattern.compile("(?m)^for name in ([A-Z0-9_ ]+); do");

    private DeployFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One YAML document; SnakeYAML (on the class path through jackson-dataformat-yaml) resolves anchors and merge keys. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(read(file))) {
            if (doc != null) docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object at = node;
        for (String key : path) at = at == null ? null : ((Map<String, Object>) at).get(key);
        return at == null ? Map.of() : (Map<String, Object>) at;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        Object at = node;
        for (String key : path) at = at == null ? null : ((Map<String, Object>) at).get(key);
        return at == null ? List.of() : (List<Object>) at;
    }

    /** The Dockerfile's ENV instructions (continued lines joined), name to value, ARG defaults substituted. */
    static Map<String, String> dockerfileEnv() {
        Map<String, String> args = assignments(dockerfileInstructions("ARG"));
        Map<String, String> env = new LinkedHashMap<>();
        assignments(dockerfileInstructions("ENV")).forEach((name, value) -> {
            Matcher arg = Pattern.compile("\\$\\{(\\w+)}").matcher(value);
            env.put(name, arg.replaceAll(m -> Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group()))));
        });
        return env;
    }

    private static Map<String, String> assignments(List<String> instructions) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String instruction : instructions) {
            Matcher m = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher(instruction);
            while (m.find()) out.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
        }
        return out;
    }

    /** The arguments of every Dockerfile instruction with this keyword, continuation lines joined. */
    static List<String> dockerfileInstructions(String keyword) {
        String joined = read(DOCKER.resolve("Dockerfile")).replaceAll("\\\\\\n", " ");
        List<String> out = new ArrayList<>();
        for (String line : joined.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(keyword + " ")) out.add(trimmed.substring(keyword.length()).strip());
        }
        return out;
    }

    /** Variables the entrypoint turns from {@code NAME_FILE} into {@code NAME}. */
    static Set<String> entrypointFileVariables() {
        Matcher m = ENTRYPOINT_FILES.matcher(read(DOCKER.resolve("entrypoint.sh")));
        if (!m.find()) throw new AssertionError("docker/entrypoint.sh has no 'for name in ...; do' loop");
        return new TreeSet<>(List.of(m.group(1).strip().split("\\s+")));
    }

    /**
     * Why Governor would ignore this environment variable, or null when it reads it: a GOVERNOR_*
     * setting or placeholder, NAME_FILE for a NAME the entrypoint reads from a file, QUARKUS_PROFILE
     * naming a profile application.properties has, or JAVA_OPTS (the entrypoint passes it to java).
     */
    static String unknownVariable(String name, String value) {
        String properties = read(PROPERTIES);
        if (name.endsWith("_FILE")) {
            String base = name.substring(0, name.length() - "_FILE".length());
            if (!entrypointFileVariables().contains(base)) return name + ": docker/entrypoint.sh does not read " + base + " from a file";
            return unknownVariable(base, null);
        }
        if (name.equals("QUARKUS_PROFILE")) {
            if (value == null) return null;
            for (String profile : value.split(",")) {
                if (profile.strip().equals("prod")) continue; // Quarkus' own default profile
                if (!properties.contains("\n%" + profile.strip() + ".")) return name + "=" + value + ": no %" + profile + ". in application.properties";
            }
            return null;
        }
        if (name.equals("JAVA_OPTS")) return read(DOCKER.resolve("entrypoint.sh")).contains("${JAVA_OPTS") ? null : name + ": the entrypoint ignores it";
        if (governorVariables().contains(name)) return null;
        return name + ": neither a GovernorConfig setting nor a ${" + name + "} in application.properties";
    }

    /** Every environment variable Governor itself reads. */
    static Set<String> governorVariables() {
        Set<String> names = new TreeSet<>();
        collect(GovernorConfig.class, "governor", names);
        Matcher m = PLACEHOLDER.matcher(read(PROPERTIES).replaceAll("(?m)^#.*$", ""));
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static void collect(Class<?> group, String prefix, Set<String> out) {
        for (Method method : group.getDeclaredMethods()) {
            if (method.isDefault() || method.isSynthetic() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) continue;
            String property = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith(GovernorConfig.class.getName())) collect(type, property, out);
            else out.add(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
