package dev.governor.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.governor.deploy.DeployFiles.DOCKER;
import static dev.governor.deploy.DeployFiles.list;
import static dev.governor.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/Dockerfile and docker/compose.yaml say what Governor needs (Docker does not run on the
 * build machines, so this parses them): two Governor instances on one PostgreSQL behind nginx,
 * the policies shared read-only, one signing key, secrets from files, health on /q/health/ready.
 */
class ComposeTest {

    private static final List<String> GOVERNORS = List.of("governor-1", "governor-2");
    private static Map<String, Object> compose;
    private static Map<String, String> imageEnv;

    @BeforeAll
    static void read() {
        compose = DeployFiles.yaml(DOCKER.resolve("compose.yaml"));
        imageEnv = DeployFiles.dockerfileEnv();
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(compose, "services", name);
        assertThat(service).as("compose service " + name).isNotEmpty();
        return service;
    }

    @Test
    void theImageRunsAsANonRootUserWithAHealthCheckOnReadiness() {
        List<String> users = DeployFiles.dockerfileInstructions("USER");
        assertThat(users).as("USER in the Dockerfile").isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).as("the last USER must be a numeric non-root uid (Kubernetes' runAsNonRoot checks it)")
                .matches("\\d+").isNotEqualTo("0");
        assertThat(DeployFiles.dockerfileInstructions("EXPOSE")).containsExactly("8080");
        assertThat(DeployFiles.dockerfileInstructions("HEALTHCHECK")).singleElement().asString()
                .contains("http://127.0.0.1:8080/q/health/ready");
        assertThat(String.join(" ", DeployFiles.dockerfileInstructions("VOLUME"))).contains(
                parentOf(imageEnv.get("GOVERNOR_POLICY_RULES_DIR")), imageEnv.get("GOVERNOR_AUDIT_SIGNING_KEY_DIR"),
                imageEnv.get("GOVERNOR_AUDIT_CHECKPOINTS_DIR"), "/var/lib/governor/data");
        assertThat(DeployFiles.dockerfileInstructions("WORKDIR")).containsExactly("/var/lib/governor");
        assertThat(DeployFiles.dockerfileInstructions("COPY")).anyMatch(c -> c.contains("governor-server/target/quarkus-app/"));
    }

    @Test
    void policyDirectoriesKeepTheirNames() {
        // Reasons name files after their directory (rules/x.drl), so the mounts keep the names.
        assertThat(imageEnv.get("GOVERNOR_POLICY_RULES_DIR")).endsWith("/rules");
        assertThat(imageEnv.get("GOVERNOR_POLICY_TABLES_DIR")).endsWith("/decision-tables");
        assertThat(imageEnv.get("GOVERNOR_POLICY_TESTS_DIR")).endsWith("/policy-tests");
    }

    @Test
    void twoGovernorsOnePostgresAndALoadBalancerPointingAtBoth() {
        Map<String, Object> services = map(compose, "services");
        assertThat(services.keySet().stream().filter(s -> s.startsWith("governor"))).containsExactlyElementsOf(GOVERNORS);
        assertThat((String) service("postgres").get("image")).startsWith("postgres:");
        for (String g : GOVERNORS) {
            assertThat(map(service(g), "environment")).containsEntry("QUARKUS_PROFILE", "pg")
                    .containsEntry("GOVERNOR_DB_URL", "jdbc:postgresql://postgres:5432/governor");
            assertThat(map(service(g), "build")).containsEntry("dockerfile", "docker/Dockerfile");
        }
        Map<String, Object> lb = service("lb");
        assertThat((String) lb.get("image")).startsWith("nginx:");
        assertThat(list(lb, "ports")).containsExactly("8080:8080");
        assertThat(list(lb, "volumes")).contains("./nginx.conf:/etc/nginx/nginx.conf:ro");
        String nginx = DeployFiles.read(DOCKER.resolve("nginx.conf"));
        Matcher upstream = Pattern.compile("upstream (\\w+) \\{([^}]*)}").matcher(nginx);
        assertThat(upstream.find()).as("an upstream block in nginx.conf").isTrue();
        Matcher server = Pattern.compile("server ([\\w.-]+:\\d+)").matcher(upstream.group(2));
        List<String> servers = new ArrayList<>();
        while (server.find()) servers.add(server.group(1));
        assertThat(servers).containsExactly("governor-1:8080", "governor-2:8080");
        assertThat(nginx).contains("proxy_pass http://" + upstream.group(1) + ";").contains("listen 8080;");
        // Long-polls wait up to governor.approval.max-wait-seconds (60): the proxy must wait longer.
        Matcher read = Pattern.compile("proxy_read_timeout (\\d+)s;").matcher(nginx);
        assertThat(read.find() && Integer.parseInt(read.group(1)) > 60).as("proxy_read_timeout above 60 s").isTrue();
    }

    @Test
    void healthChecksAndStartOrder() {
        for (String g : GOVERNORS) {
            assertThat(list(service(g), "healthcheck", "test")).contains("http://127.0.0.1:8080/q/health/ready");
            assertThat(map(service(g), "depends_on", "postgres")).containsEntry("condition", "service_healthy");
        }
        assertThat(list(service("postgres"), "healthcheck", "test")).asString().contains("pg_isready");
        // The second starts once the first has migrated, created the administrator and the key.
        assertThat(map(service("governor-2"), "depends_on", "governor-1")).containsEntry("condition", "service_healthy");
        for (String g : GOVERNORS) {
            assertThat(map(service("lb"), "depends_on", g)).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void policiesSharedReadOnlyAndOneSigningKeyAndOneCheckpointDirectory() {
        for (String g : GOVERNORS) {
            List<Object> volumes = list(service(g), "volumes");
            assertThat(volumes).contains(
                    "../rules:" + imageEnv.get("GOVERNOR_POLICY_RULES_DIR") + ":ro",
                    "../decision-tables:" + imageEnv.get("GOVERNOR_POLICY_TABLES_DIR") + ":ro",
                    "../policy-tests:" + imageEnv.get("GOVERNOR_POLICY_TESTS_DIR") + ":ro",
                    "audit-checkpoints:" + imageEnv.get("GOVERNOR_AUDIT_CHECKPOINTS_DIR"));
            assertThat(volumes).anyMatch(v -> v.toString().startsWith("audit-key:" + imageEnv.get("GOVERNOR_AUDIT_SIGNING_KEY_DIR")));
        }
        assertThat(list(service("governor-2"), "volumes")).contains("audit-key:" + imageEnv.get("GOVERNOR_AUDIT_SIGNING_KEY_DIR") + ":ro");
        assertThat(map(compose, "volumes")).containsKeys("audit-key", "audit-checkpoints", "pgdata");
    }

    @Test
    void theBootstrapAdminTokenAndTheDatabasePasswordComeFromSecretFiles() {
        Map<String, Object> secrets = map(compose, "secrets");
        for (String g : GOVERNORS) {
            Map<String, Object> env = map(service(g), "environment");
            assertThat(env).doesNotContainKeys("GOVERNOR_BOOTSTRAP_ADMIN_TOKEN", "GOVERNOR_DB_PASSWORD");
            for (String variable : List.of("GOVERNOR_BOOTSTRAP_ADMIN_TOKEN_FILE", "GOVERNOR_DB_PASSWORD_FILE")) {
                String path = (String) env.get(variable);
                assertThat(path).as(g + " " + variable).startsWith("/run/secrets/");
                String secret = Path.of(path).getFileName().toString();
                assertThat(list(service(g), "secrets")).contains(secret);
                assertThat(map(secrets, secret)).containsKey("file");
            }
        }
        assertThat(map(service("postgres"), "environment")).containsEntry("POSTGRES_PASSWORD_FILE", "/run/secrets/db-password");
        assertThat(DeployFiles.read(Path.of(".gitignore"))).contains("docker/secrets/");
    }

    @Test
    void everyVariableIsOneGovernorReads() {
        List<String> unknown = new ArrayList<>();
        imageEnv.forEach((name, value) -> check(name, value, "Dockerfile", unknown));
        for (String g : GOVERNORS) {
            map(service(g), "environment").forEach((name, value) -> check(name, String.valueOf(value), g, unknown));
        }
        assertThat(unknown).as("variables Governor would ignore").isEmpty();
        assertThat(new TreeSet<>(DeployFiles.entrypointFileVariables()))
                .allSatisfy(name -> assertThat(DeployFiles.governorVariables()).contains(name));
    }

    @Test
    void theJibImageOfPimageHasTheDockerfilesPathsAndUser() {
        String pom = DeployFiles.read(Path.of("governor-server/pom.xml"));
        Matcher m = Pattern.compile("<quarkus\\.jib\\.environment-variables\\.(\\w+)>([^<]*)<").matcher(pom);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            assertThat(imageEnv).as("the Dockerfile's " + m.group(1)).containsEntry(m.group(1), m.group(2));
        }
        assertThat(names).contains("GOVERNOR_POLICY_RULES_DIR", "GOVERNOR_AUDIT_SIGNING_KEY_DIR");
        assertThat(pom).contains("<quarkus.jib.user>10001:10001</quarkus.jib.user>",
                "<quarkus.jib.working-directory>/var/lib/governor</quarkus.jib.working-directory>");
    }

    private static void check(String name, String value, String where, List<String> unknown) {
        String why = DeployFiles.unknownVariable(name, value);
        if (why != null) unknown.add(where + ": " + why);
    }

    private static String parentOf(String dir) {
        return dir.substring(0, dir.lastIndexOf('/'));
    }
}
