package dev.governor.identity;

import dev.governor.Api;
import dev.governor.testing.RegisteredAgent;
import dev.governor.testing.TestAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static dev.governor.testing.TestAuth.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, called by every kind of caller. A new endpoint
 * without a row here fails the build. Per caller: {@code Y} allowed (any status but 401/403,
 * bodies are dummies), {@code 3} = 403, {@code 1} = 401. asset-admin is the last column, added after the
 * others were written.
 */
@QuarkusTest
class PermissionMatrixTest {

    /** Column order of the expectation strings. */
    enum Who { ADMIN, APPROVER, POLICY_AUTHOR, AUDITOR, AGENT_ADMIN, AGENT_SELF, AGENT_OTHER, BAD_TOKEN, EXPIRED_JWT, NONE,
        ASSET_ADMIN }

    private static final String READ = "YYYYY33111Y";
    private static final String READ_OWN = "YYYYYY3111Y";
    private static final String AGENT_ADMIN = "Y333Y331113";
    private static final String AGENT_ONLY = "33333Y31113";
    private static final String APPROVE = "YY333331113";
    private static final String POLICY = "Y3Y33331113";
    private static final String AUDIT = "Y33Y3331113";
    private static final String ADMIN = "Y3333331113";
    private static final String ASSET_ADMIN = "Y333Y33111Y";
    /** Approvers and agent-admins sign promotions off (the service refuses the requester and the owner). */
    private static final String SIGN_OFF = "YY33Y331113";
    private static final String REPORT = "Y33YY331113";
    /** Benchmarks: auditor, agent-admin, approver and admin. */
    private static final String BENCHMARKS = "YY3YY331113";
    /** Public keys: anyone, with no credentials; a credential that is sent must still be good. */
    private static final String PUBLIC = "YYYYYYY11YY";

    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /v1/agents", READ);
        MATRIX.put("POST /v1/agents", AGENT_ADMIN);
        MATRIX.put("GET /v1/agents/{id}", READ_OWN);
        MATRIX.put("PUT /v1/agents/{id}", AGENT_ADMIN);
        MATRIX.put("POST /v1/agents/{id}/suspend", AGENT_ADMIN);
        MATRIX.put("GET /v1/agents/{id}/levels", READ_OWN);
        MATRIX.put("GET /v1/agents/{id}/evidence", READ_OWN);
        // Any person may call it; the service then refuses all but the owner and agent-admins (PromotionTest).
        MATRIX.put("POST /v1/agents/{id}/promotions", READ);
        MATRIX.put("GET /v1/promotions", READ);
        MATRIX.put("GET /v1/promotions/{id}", READ);
        MATRIX.put("POST /v1/promotions/{id}/approve", SIGN_OFF);
        MATRIX.put("POST /v1/promotions/{id}/reject", SIGN_OFF);
        MATRIX.put("POST /v1/agents/{id}/resume", AGENT_ADMIN);
        MATRIX.put("POST /v1/agents/{id}/keys/rotate", AGENT_ADMIN);
        MATRIX.put("DELETE /v1/agents/{id}/keys", AGENT_ADMIN);
        MATRIX.put("POST /v1/agents/{id}/tokens", AGENT_ONLY);
        MATRIX.put("GET /v1/assets", READ);
        MATRIX.put("POST /v1/assets", ASSET_ADMIN);
        MATRIX.put("GET /v1/assets/{id}", READ);
        MATRIX.put("PUT /v1/assets/{id}", ASSET_ADMIN);
        MATRIX.put("DELETE /v1/assets/{id}", ASSET_ADMIN);
        MATRIX.put("POST /v1/assets/import", ASSET_ADMIN);
        MATRIX.put("POST /v1/freezes", AGENT_ADMIN);
        MATRIX.put("GET /v1/freezes", READ);
        MATRIX.put("GET /v1/freezes/{id}", READ);
        MATRIX.put("DELETE /v1/freezes/{id}", AGENT_ADMIN);
        MATRIX.put("GET /v1/halt", READ);
        MATRIX.put("GET /v1/keys", PUBLIC);
        MATRIX.put("POST /v1/halts", ADMIN);
        MATRIX.put("GET /v1/halts", READ);
        MATRIX.put("GET /v1/halts/{id}", READ);
        MATRIX.put("DELETE /v1/halts/{id}", ADMIN);
        // Asked for and revoked by admins, agent-admins and approvers; approved by approvers and admins.
        MATRIX.put("POST /v1/exceptions", SIGN_OFF);
        MATRIX.put("GET /v1/exceptions", READ);
        MATRIX.put("GET /v1/exceptions/{id}", READ);
        MATRIX.put("POST /v1/exceptions/{id}/approve", APPROVE);
        MATRIX.put("POST /v1/exceptions/{id}/revoke", SIGN_OFF);
        MATRIX.put("POST /v1/halt", ADMIN);
        MATRIX.put("DELETE /v1/halt", ADMIN);
        MATRIX.put("POST /v1/decisions", AGENT_ONLY);
        MATRIX.put("GET /v1/decisions/{id}", READ_OWN);
        MATRIX.put("GET /v1/decisions/{id}/trace", READ);
        MATRIX.put("POST /v1/decisions/{id}/outcome", AGENT_ONLY);
        // Humans who approve, or the agent's owner (none of the matrix's users owns the agent).
        MATRIX.put("POST /v1/decisions/{id}/outcome/confirm", APPROVE);
        MATRIX.put("POST /v1/decisions/{id}/outcome/dispute", APPROVE);
        MATRIX.put("POST /v1/decisions/{id}/human-action", APPROVE);
        MATRIX.put("GET /v1/benchmarks", BENCHMARKS);
        MATRIX.put("GET /v1/approvals", READ);
        MATRIX.put("GET /v1/approvals/{id}", READ_OWN);
        MATRIX.put("POST /v1/approvals/{id}/approve", APPROVE);
        MATRIX.put("POST /v1/approvals/{id}/reject", APPROVE);
        MATRIX.put("POST /v1/plans", AGENT_ONLY);
        MATRIX.put("GET /v1/plans/{id}", READ_OWN);
        MATRIX.put("GET /v1/policies", READ);
        MATRIX.put("POST /v1/policies/reload", POLICY);
        MATRIX.put("GET /v1/policies/history", READ);
        MATRIX.put("POST /v1/policies/replay", POLICY);
        MATRIX.put("GET /v1/audit/decisions", AUDIT);
        MATRIX.put("GET /v1/audit/rule-firings", AUDIT);
        MATRIX.put("GET /v1/audit/log", AUDIT);
        MATRIX.put("GET /v1/audit/bundle", AUDIT);
        MATRIX.put("GET /v1/audit/verify", AUDIT);
        MATRIX.put("GET /v1/audit/checkpoints", AUDIT);
        MATRIX.put("POST /v1/audit/hash", AUDIT);
        MATRIX.put("POST /v1/users", ADMIN);
        MATRIX.put("GET /v1/users", ADMIN);
        MATRIX.put("POST /v1/users/{name}/disable", ADMIN);
        MATRIX.put("DELETE /v1/users/{name}", ADMIN);
        MATRIX.put("GET /v1/reports/orphans", REPORT);
        MATRIX.put("GET /v1/reports/compliance", REPORT);
        MATRIX.put("GET /v1/reports/permissions", REPORT);
        MATRIX.put("GET /v1/agents/{id}/permissions/usage", READ_OWN);
        MATRIX.put("POST /v1/agents/{id}/permissions/narrow", AGENT_ADMIN);
        // Only the agent's owner (none of these callers) or an agent-admin may ask.
        MATRIX.put("POST /v1/agents/{id}/grant-requests", AGENT_ADMIN);
        MATRIX.put("GET /v1/grant-requests", READ);
        MATRIX.put("POST /v1/grant-requests/{id}/approve", AGENT_ADMIN);
        MATRIX.put("POST /v1/grant-requests/{id}/reject", AGENT_ADMIN);
    }

    @Test
    void everyOperationAnswersEveryCallerExactly() {
        List<String> operations = operations();
        assertThat(MATRIX.keySet()).as("rows of the permission matrix").containsExactlyInAnyOrderElementsOf(operations);
        assertThat(MATRIX.values()).as("one expectation per caller (" + List.of(Who.values()) + ")")
                .allMatch(row -> row.length() == Who.values().length);

        RegisteredAgent self = Api.registerAgent("AUTONOMOUS", List.of("sandbox", "production"), List.of("*:*"));
        RegisteredAgent other = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        RegisteredAgent target = Api.registerAgent("AUTONOMOUS", List.of("sandbox"), List.of("*:*"));
        Map<Who, String> tokens = tokens(self, other);
        Map<String, Object> decision = decisionBody(self.id(), "config.update", "sandbox");
        String decisionId = Api.decide(self, action("config.update", "sandbox")).statusCode(200)
                .extract().path("decisionId");
        String approvalId = Api.decide(self, action("environment.delete", "production")).statusCode(200)
                .extract().path("approval.id");
        Map<String, Object> plan = Map.of("agentId", self.id(), "steps",
                List.of(Map.of("action", action("config.update", "sandbox"))));
        String planId = TestAuth.as(self).contentType(ContentType.JSON).body(plan).post("/v1/plans").then().extract().path("planId");

        List<String> failures = new ArrayList<>();
        for (var row : MATRIX.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String template = row.getKey().substring(method.length() + 1);
            for (Who who : Who.values()) {
                boolean agentCaller = who == Who.AGENT_SELF || who == Who.AGENT_OTHER;
                String path = template
                        .replace("/v1/agents/{id}", "/v1/agents/" + (agentCaller ? self : target).id())
                        .replace("/v1/decisions/{id}", "/v1/decisions/" + decisionId)
                        .replace("/v1/approvals/{id}", "/v1/approvals/" + approvalId)
                        .replace("/v1/plans/{id}", "/v1/plans/" + planId)
                        .replace("{name}", "nobody-" + UUID.randomUUID())
                        .replace("{id}", UUID.randomUUID().toString());
                Object body = switch (row.getKey()) {
                    case "POST /v1/decisions" -> decision;
                    case "POST /v1/plans" -> plan;
                    case "POST /v1/decisions/{id}/outcome" -> Map.of("status", "SUCCEEDED");
                    // A valid body, so that the owner check (after validation) is what answers.
                    case "POST /v1/agents/{id}/grant-requests" -> Map.of("permission", "matrix:" + who.name().toLowerCase(),
                            "justification", "matrix");
                    case "POST /v1/decisions/{id}/human-action" -> Map.of("action", "ACCEPTED");
                    case "POST /v1/agents/{id}/tokens" -> Map.of("sessionId", "matrix", "permissions", List.of("config:read"));
                    default -> Map.of();
                };
                RequestSpecification request = tokens.get(who) == null ? TestAuth.anonymous()
                        : TestAuth.as(tokens.get(who));
                if (row.getKey().equals("POST /v1/assets/import")) {
                    request.contentType("text/csv; charset=UTF-8").body("target,tier,dataClass,criticality,ownerTeam\n");
                } else if (!method.equals("GET") && !method.equals("DELETE")) {
                    request.contentType(ContentType.JSON).body(body);
                }
                int status = request.request(method, path).statusCode();
                char expected = row.getValue().charAt(who.ordinal());
                boolean ok = switch (expected) {
                    case 'Y' -> status != 401 && status != 403;
                    case '3' -> status == 403;
                    default -> status == 401;
                };
                if (!ok) failures.add(row.getKey() + " as " + who + ": expected " + expected + " got " + status);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<String> operations() {
        Map<String, Map<String, Object>> paths = asAdmin().get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, ops) -> {
            if (path.startsWith("/test-only")) return; // a resource of the test suite itself
            ops.keySet().stream().filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                    .forEach(m -> operations.add(m.toUpperCase() + " " + path));
        });
        return List.copyOf(operations);
    }

    private static Map<Who, String> tokens(RegisteredAgent self, RegisteredAgent other) {
        Map<Who, String> tokens = new LinkedHashMap<>();
        tokens.put(Who.ADMIN, TestAuth.ADMIN_TOKEN);
        tokens.put(Who.APPROVER, TestAuth.user("matrix-approver", "approver"));
        tokens.put(Who.POLICY_AUTHOR, TestAuth.user("matrix-policy-author", "policy-author"));
        tokens.put(Who.AUDITOR, TestAuth.user("matrix-auditor", "auditor"));
        tokens.put(Who.AGENT_ADMIN, TestAuth.user("matrix-agent-admin", "agent-admin"));
        tokens.put(Who.AGENT_SELF, self.apiKey());
        tokens.put(Who.AGENT_OTHER, other.apiKey());
        tokens.put(Who.BAD_TOKEN, "gvk_not-a-key-that-was-ever-issued-0000000000000");
        tokens.put(Who.EXPIRED_JWT, OidcTokens.expired("matrix-admin", Set.of("admin")));
        tokens.put(Who.NONE, null);
        tokens.put(Who.ASSET_ADMIN, TestAuth.user("matrix-asset-admin", "asset-admin"));
        return tokens;
    }

    private static Map<String, Object> action(String type, String environment) {
        return Api.action(type, environment, 0, 0, 0, "restore the previous version");
    }

    private static Map<String, Object> decisionBody(String agent, String type, String environment) {
        return Map.of("agentId", agent, "sessionId", "matrix", "action", action(type, environment),
                "reasoning", Map.of("goal", "g", "rationale", "r"));
    }
}
