package dev.governor.testing;

import dev.governor.policy.AutonomyLevel;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static dev.governor.testing.TestAuth.asAdmin;

/**
 * The callers a test needs, made through the public API by the bootstrap admin:
 * {@code Given.agent("x").level(ROUTINE).permissions("config:*").register()} and
 * {@code Given.user("carol").roles("approver").create()}. Send requests as them with
 * {@link TestAuth#as(Credential)}.
 */
public final class Given {

    /** Users this fixture created, by name, in this JVM: asking twice for one name gives the same user. */
    private static final Map<String, TestUser> USERS = new ConcurrentHashMap<>();

    private Given() {
    }

    /** An agent with this id; defaults: owner alice@example.com (created if need be), AUTONOMOUS, sandbox, {@code *:*}. */
    public static AgentSpec agent(String id) {
        return new AgentSpec(id);
    }

    /** An agent with a fresh random id ({@code agent-xxxxxxxx}), so tests never collide. */
    public static AgentSpec agent() {
        return agent("agent-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static UserSpec user(String name) {
        return new UserSpec(name);
    }

    /**
     * Makes sure a user of this name exists, as an agent's owner must (an approver, unless the
     * fixture or someone else created it already, whatever its roles). Returns the name.
     */
    public static String owner(String name) {
        synchronized (USERS) {
            // Asked every time: a test profile restarts the application with an empty database.
            ExtractableResponse<Response> answer = asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", name, "roles", List.of("approver"))).post("/v1/users").then().extract();
            if (answer.statusCode() == 201) {
                USERS.put(name, new TestUser(name, Set.of("approver"), answer.path("token")));
            } else if (answer.statusCode() != 409 && !"admin".equals(name)) {
                throw new AssertionError("cannot create owner '" + name + "': " + answer.statusCode() + " " + answer.asString());
            }
            return name;
        }
    }

    /** The bootstrap administrator of the %test profile. */
    public static TestUser admin() {
        return new TestUser("admin", Set.of("admin"), TestAuth.ADMIN_TOKEN);
    }

    /** The registration body of an agent; {@link #register()} posts it as the admin. */
    public static final class AgentSpec {
        private final Map<String, Object> body = new LinkedHashMap<>();

        private AgentSpec(String id) {
            body.put("id", id);
            body.put("owner", "alice@example.com");
            body.put("task", "test agent");
            body.put("autonomyLevel", AutonomyLevel.AUTONOMOUS.name());
            body.put("environments", List.of("sandbox"));
            body.put("permissions", List.of("*:*"));
        }

        public AgentSpec owner(String owner) {
            return with("owner", owner);
        }

        public AgentSpec task(String task) {
            return with("task", task);
        }

        public AgentSpec level(AutonomyLevel level) {
            return with("autonomyLevel", level.name());
        }

        /** A level by name, also one Governor rejects (tests of bad input). */
        public AgentSpec level(String level) {
            return with("autonomyLevel", level);
        }

        public AgentSpec environments(String... environments) {
            return environments(List.of(environments));
        }

        public AgentSpec environments(List<String> environments) {
            return with("environments", List.copyOf(environments));
        }

        public AgentSpec permissions(String... permissions) {
            return permissions(List.of(permissions));
        }

        public AgentSpec permissions(List<String> permissions) {
            return with("permissions", List.copyOf(permissions));
        }

        /** Any other registration field. */
        public AgentSpec with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        public String id() {
            return (String) body.get("id");
        }

        /** The body as {@code POST /v1/agents} takes it, for tests of registration itself. */
        public Map<String, Object> body() {
            return new LinkedHashMap<>(body);
        }

        /** Registers the agent as the admin, creating its owner first if no such user exists. */
        public RegisteredAgent register() {
            Given.owner((String) body.get("owner"));
            ExtractableResponse<Response> created = asAdmin().contentType(ContentType.JSON).body(body)
                    .post("/v1/agents").then().statusCode(201).extract();
            return new RegisteredAgent(created.path("id"), created.path("apiKey"));
        }
    }

    /** A Governor-local user; {@link #create()} posts it as the admin. */
    public static final class UserSpec {
        private final String name;
        private final Set<String> roles = new TreeSet<>();

        private UserSpec(String name) {
            this.name = name;
        }

        public UserSpec roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        /**
         * Creates the user. A name this fixture already created in the running application (users
         * cannot be deleted) gives the same user back, if the roles match; anything else fails.
         */
        public TestUser create() {
            synchronized (USERS) {
                ExtractableResponse<Response> answer = asAdmin().contentType(ContentType.JSON)
                        .body(Map.of("name", name, "roles", roles)).post("/v1/users").then().extract();
                if (answer.statusCode() == 201) {
                    TestUser user = new TestUser(name, roles, answer.path("token"));
                    USERS.put(name, user);
                    return user;
                }
                TestUser known = USERS.get(name);
                if (answer.statusCode() == 409 && known != null && known.roles().equals(roles)) return known;
                throw new AssertionError("cannot create user '" + name + "' with roles " + roles + ": "
                        + answer.statusCode() + " " + answer.asString()
                        + (known != null ? " (created earlier with roles " + known.roles() + ")" : ""));
            }
        }
    }
}
