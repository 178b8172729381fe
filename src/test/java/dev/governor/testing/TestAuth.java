package dev.governor.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * How the tests authenticate. Installed as a global RestAssured filter (see
 * {@link TestAuthCallback}): a request that carries no credentials of its own is sent as the
 * caller the endpoint expects — the agent's own key for decisions, plans and outcomes (keys are
 * remembered from registration answers), a user named like the body's {@code approver} or the
 * {@code X-Actor} header for approvals and reloads, the bootstrap admin otherwise. Tests about
 * authentication set their own header, or {@link #anonymous()} for none at all.
 */
public final class TestAuth implements Filter {

    /** The bootstrap admin token set in the %test profile. */
    public static final String ADMIN_TOKEN = "gvu_test-bootstrap-admin-token-0123456789abcdef";
    private static final String NONE = "X-Test-No-Auth";
    private static final Pattern OUTCOME = Pattern.compile("/v1/decisions/([^/]+)/outcome");
    private static final Pattern ROTATE = Pattern.compile("/v1/agents/([^/]+)/keys/rotate");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Roles of a user created on demand for a name a test used (approver or reloading actor). */
    private static final List<String> COLLEAGUE = List.of("approver", "policy-author");

    static final TestAuth INSTANCE = new TestAuth();

    private final Map<String, String> agentKeys = new ConcurrentHashMap<>();
    private final Map<String, String> userTokens = new ConcurrentHashMap<>();
    private volatile String lastKey;

    private TestAuth() {
    }

    /** A request with no credentials at all. */
    public static RequestSpecification anonymous() {
        return given().header(NONE, "1");
    }

    /** A request with {@code Authorization: Bearer <token>}. */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN_TOKEN);
    }

    /** The key of an agent registered through the API in this application run. */
    public static String keyOf(String agentId) {
        return INSTANCE.agentKeys.get(agentId);
    }

    /** A local user with these roles, created on first use; returns its token. */
    public static String user(String name, String... roles) {
        return INSTANCE.userToken(name, List.of(roles));
    }

    /** Forgets keys and users: the application restarted with a cleaned database. */
    private synchronized void reset() {
        agentKeys.clear();
        userTokens.clear();
        lastKey = null;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String chosen = null;
        if (request.getHeaders().hasHeaderWithName(NONE)) {
            request.removeHeader(NONE);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName("X-Api-Key")) {
            chosen = tokenFor(request);
            request.header("Authorization", "Bearer " + chosen);
        }
        Response answer = context.next(request, response);
        if (answer.statusCode() == 401 && chosen != null && chosen.startsWith("gvu_") && !chosen.equals(ADMIN_TOKEN)) {
            reset(); // a remembered user from an earlier application run: create it again
            request.removeHeader("Authorization");
            request.header("Authorization", "Bearer " + tokenFor(request));
            answer = context.next(request, response);
        }
        remember(request, answer);
        return answer;
    }

    private String tokenFor(FilterableRequestSpecification request) {
        String path = URI.create(request.getURI()).getPath();
        String method = request.getMethod();
        if (!"POST".equals(method)) return ADMIN_TOKEN;
        Map<?, ?> body = body(request);
        if (path.equals("/v1/decisions") || path.equals("/v1/plans")) {
            return agentToken(body.get("agentId"));
        }
        Matcher outcome = OUTCOME.matcher(path);
        if (outcome.matches()) {
            String agent = asAdmin().get("/v1/decisions/{id}", outcome.group(1)).then().extract().path("agentId");
            return agentToken(agent);
        }
        if (path.matches("/v1/approvals/[^/]+/(approve|reject)")) {
            Object approver = body.get("approver");
            String name = approver instanceof String s && !s.isBlank() ? s.strip() : "approver@example.com";
            return userToken(name, COLLEAGUE);
        }
        if (path.equals("/v1/policies/reload")) {
            Object actor = body.get("actor");
            String name = request.getHeaders().hasHeaderWithName("X-Actor") ? request.getHeaders().getValue("X-Actor")
                    : actor instanceof String s && !s.isBlank() ? s.strip() : null;
            if (name != null) return userToken(name, COLLEAGUE);
        }
        return ADMIN_TOKEN;
    }

    /**
     * An unknown agent gets a key that authenticates nobody (401), as a real caller would; a body
     * without an agent id (a test of bad input) the last key issued, so the bad input is what fails.
     */
    private String agentToken(Object agentId) {
        String key = agentId == null ? lastKey : agentKeys.get(agentId.toString());
        return key != null ? key : "gvk_unknown-agent-key-for-tests-000000000000000";
    }

    private String userToken(String name, List<String> roles) {
        return userTokens.computeIfAbsent(name, n -> asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", n, "roles", roles)).post("/v1/users")
                .then().statusCode(201).extract().path("token"));
    }

    private void remember(FilterableRequestSpecification request, Response answer) {
        if (!"POST".equals(request.getMethod())) return;
        String path = URI.create(request.getURI()).getPath();
        if (path.equals("/v1/agents") && answer.statusCode() == 201) {
            agentKeys.put(answer.path("id"), answer.path("apiKey"));
            lastKey = answer.path("apiKey");
        } else if (ROTATE.matcher(path).matches() && answer.statusCode() == 200) {
            agentKeys.put(answer.path("agentId"), answer.path("apiKey"));
        }
    }

    private static Map<?, ?> body(FilterableRequestSpecification request) {
        Object body = request.getBody();
        try {
            if (body instanceof Map<?, ?> map) return map;
            if (body instanceof String s && s.strip().startsWith("{")) return JSON.readValue(s, Map.class);
            if (body instanceof byte[] b && b.length > 0 && b[0] == '{') return JSON.readValue(b, Map.class);
        } catch (IOException e) {
            return Map.of(); // a test sending broken JSON on purpose
        }
        return Map.of();
    }
}
