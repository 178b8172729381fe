package dev.governor.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.governor.deploy.DeployFiles.DOCKER;
import static dev.governor.deploy.DeployFiles.list;
import static dev.governor.deploy.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/k8s/*.yaml (parsed, no cluster here): two replicas, probes on /q/health, a Service and a
 * PodDisruptionBudget over the Deployment's pods, policies from ConfigMaps, secrets by reference.
 * Also: no file under docker/ holds a secret.
 */
class KubernetesTest {

    private static final Pattern TOKEN = Pattern.compile("gv[uk]_[A-Za-z0-9_-]{16,}");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|HMAC_KEY).*");
    private static final List<Map<String, Object>> manifests = new ArrayList<>();
    private static Map<String, Object> pod;
    private static Map<String, Object> container;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(DOCKER.resolve("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                manifests.addAll(DeployFiles.yamlDocuments(file));
            }
        }
        pod = map(one("Deployment"), "spec", "template");
        container = list(pod, "spec", "containers").stream().map(c -> map(c))
                .filter(c -> "governor".equals(c.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
        assertThat(found).as("manifests of kind " + kind).hasSize(1);
        return found.get(0);
    }

    @Test
    void twoReplicasAsNonRoot() {
        assertThat(map(one("Deployment"), "spec")).containsEntry("replicas", 2);
        assertThat(map(pod, "spec", "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001);
        assertThat(map(container, "securityContext")).containsEntry("allowPrivilegeEscalation", false);
        assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat(map(container, "resources", "limits")).containsKey("memory");
    }

    @Test
    void probesOnHealthPathsAndTheHttpPort() {
        assertThat(list(container, "ports")).singleElement()
                .isEqualTo(Map.of("name", "http", "containerPort", 8080));
        assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/q/health/ready").containsEntry("port", "http");
        assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/q/health/live").containsEntry("port", "http");
        assertThat(map(container, "startupProbe", "httpGet")).containsEntry("port", "http");
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() {
        Map<String, Object> labels = map(pod, "metadata", "labels");
        assertThat(map(one("Deployment"), "spec", "selector", "matchLabels")).isEqualTo(labels);
        Map<String, Object> service = map(one("Service"), "spec");
        assertThat(labels).containsAllEntriesOf(map(service, "selector"));
        assertThat(list(service, "ports")).singleElement().satisfies(p -> assertThat(map(p)).containsEntry("targetPort", "http"));
        Map<String, Object> pdb = map(one("PodDisruptionBudget"), "spec");
        assertThat(map(pdb, "selector", "matchLabels")).isNotEmpty();
        assertThat(labels).containsAllEntriesOf(map(pdb, "selector", "matchLabels"));
        // At least one pod answers during a drain, and a drain can still evict the other.
        assertThat((Integer) pdb.get("minAvailable")).isPositive()
                .isLessThan((Integer) map(one("Deployment"), "spec").get("replicas"));
    }

    @Test
    void policiesFromConfigMapsSecretsByReferenceAndTheSharedKeyMountedReadOnly() {
        Map<String, Map<String, Object>> volumes = new HashMap<>();
        for (Object v : list(pod, "spec", "volumes")) volumes.put((String) map(v).get("name"), map(v));
        Map<String, String> env = new HashMap<>();
        for (Object e : list(container, "env")) env.put((String) map(e).get("name"), (String) map(e).get("value"));
        for (Object m : list(container, "volumeMounts")) {
            String name = (String) map(m).get("name");
            assertThat(volumes).as("volume of mount " + name).containsKey(name);
        }
        assertMount("rules", env.get("GOVERNOR_POLICY_RULES_DIR"), "configMap", true);
        assertMount("decision-tables", env.get("GOVERNOR_POLICY_TABLES_DIR"), "configMap", true);
        assertMount("policy-tests", env.get("GOVERNOR_POLICY_TESTS_DIR"), "configMap", true);
        assertMount("audit-key", env.get("GOVERNOR_AUDIT_SIGNING_KEY_DIR"), "secret", true);
        assertMount("audit-checkpoints", env.get("GOVERNOR_AUDIT_CHECKPOINTS_DIR"), "persistentVolumeClaim", false);
        String claim = (String) map(volumes.get("audit-checkpoints"), "persistentVolumeClaim").get("claimName");
        assertThat(map(one("PersistentVolumeClaim"), "metadata")).containsEntry("name", claim);
        for (Object e : list(container, "env")) {
            String name = (String) map(e).get("name");
            if (SECRET_NAME.matcher(name).matches() || name.equals("GOVERNOR_DB_USER") || name.equals("GOVERNOR_DB_URL")) {
                assertThat(map(e)).as(name).doesNotContainKey("value");
                assertThat(map(e, "valueFrom", "secretKeyRef")).as(name + " from a Secret").containsKeys("name", "key");
            }
        }
        assertThat(env).containsEntry("QUARKUS_PROFILE", "pg");
    }

    private void assertMount(String volume, String path, String source, boolean readOnly) {
        Map<String, Object> mount = list(container, "volumeMounts").stream().map(m -> map(m))
                .filter(m -> volume.equals(m.get("name"))).findFirst().orElseThrow();
        assertThat(mount).as("mount of " + volume).containsEntry("mountPath", path);
        assertThat(Boolean.TRUE.equals(mount.get("readOnly"))).as(volume + " read-only").isEqualTo(readOnly);
        Map<String, Object> v = list(pod, "spec", "volumes").stream().map(x -> map(x))
                .filter(x -> volume.equals(x.get("name"))).findFirst().orElseThrow();
        assertThat(v).as("volume " + volume).containsKey(source);
    }

    @Test
    void everyVariableIsOneGovernorReads() {
        List<String> unknown = new ArrayList<>();
        for (Object e : list(container, "env")) {
            String why = DeployFiles.unknownVariable((String) map(e).get("name"), (String) map(e).get("value"));
            if (why != null) unknown.add(why);
        }
        assertThat(unknown).as("variables Governor would ignore").isEmpty();
    }

    @Test
    void noFileUnderDockerHoldsASecret() throws IOException {
        assertThat(manifests).noneMatch(m -> "Secret".equals(m.get("kind")));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DOCKER)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(DOCKER.resolve("secrets"))).toList()) {
                String text = DeployFiles.read(file);
                if (TOKEN.matcher(text).find() || PRIVATE_KEY.matcher(text).find()) found.add(file.toString());
            }
        }
        assertThat(found).as("files with a token or a private key").isEmpty();
        for (Object service : DeployFiles.map(DeployFiles.yaml(DOCKER.resolve("compose.yaml")), "services").values()) {
            map(service, "environment").keySet().stream().filter(n -> SECRET_NAME.matcher(n).matches())
                    .forEach(n -> assertThat(n).as("compose passes secrets as files").endsWith("_FILE"));
        }
    }
}
