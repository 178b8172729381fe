package dev.governor.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.approval.ActionFingerprint;
import dev.governor.testing.Given;
import dev.governor.testing.RegisteredAgent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static dev.governor.Api.action;
import static dev.governor.Api.decide;
import static dev.governor.testing.TestAuth.anonymous;
import static dev.governor.testing.TestAuth.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries a receipt that a second implementation, written here with the JDK alone,
 * checks: the JWKS key from {@code GET /v1/keys} (no credentials), the EdDSA signature over the
 * JWS signing input, and a payload byte-for-byte equal to the claims written out by hand in RFC 8785
 * form (members sorted, no whitespace).
 */
@QuarkusTest
class ReceiptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void anAllowCarriesAReceiptThatAnIndependentVerifierAccepts() throws Exception {
        RegisteredAgent agent = Given.agent().environments("sandbox").register();
        ExtractableResponse<Response> answer = decide(agent, action("config.update", "sandbox", 1, 0, 0, null))
                .statusCode(200).extract();
        assertThat(answer.<String>path("outcome")).isEqualTo("ALLOW");
        checkReceipt(answer, agent);
    }

    @Test
    void aDenialCarriesOneToo() throws Exception {
        RegisteredAgent agent = Given.agent().environments("sandbox").permissions("config:*").register();
        ExtractableResponse<Response> answer = decide(agent, action("database.drop", "sandbox", 1, 0, 0, null))
                .statusCode(200).extract();
        assertThat(answer.<String>path("outcome")).isEqualTo("DENY");
        checkReceipt(answer, agent);
    }

    @Test
    void theStoredRecordDoesNotCarryTheReceipt() {
        RegisteredAgent agent = Given.agent().environments("sandbox").register();
        String id = decide(agent, action("config.update", "sandbox", 1, 0, 0, null)).statusCode(200)
                .extract().path("decisionId");
        String stored = (String) em.createNativeQuery("SELECT response_json FROM decisions WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult();
        assertThat(stored).doesNotContain("receipt");
    }

    private void checkReceipt(ExtractableResponse<Response> answer, RegisteredAgent agent) throws Exception {
        String receipt = answer.path("receipt");
        String[] parts = receipt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode jwk = anonymous().get("/v1/keys").then().statusCode(200).extract().as(JsonNode.class).path("keys").get(0);
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.path("kid").asText()).isEqualTo(jwk.path("kid").asText());
        assertThat(jwk.path("kty").asText()).isEqualTo("OKP");
        assertThat(jwk.path("crv").asText()).isEqualTo("Ed25519");

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(jwk.path("x").asText())));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).as("the signature").isTrue();

        String decisionId = answer.path("decisionId");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        Instant issuedAt = Instant.parse(claims.path("issuedAt").asText());
        long auditSeq = ((Number) em.createNativeQuery(
                "SELECT seq FROM audit_log WHERE kind = 'DECISION' AND subject_id = ?1")
                .setParameter(1, decisionId).getSingleResult()).longValue();
        // The fingerprint approvals bind to, of the action as Governor stored it (README "Decision receipts")
        Object stored = as(agent).get("/v1/decisions/{id}", decisionId).then().statusCode(200)
                .extract().path("request.action");
        String actionHash = ActionFingerprint.of(JSON, stored);
        String expected = "{\"actionHash\":\"" + actionHash + "\",\"agentId\":\"" + agent.id() + "\",\"auditSeq\":" + auditSeq
                + ",\"decisionId\":\"" + decisionId + "\",\"expiresAt\":\"" + issuedAt.plus(Duration.ofSeconds(60))
                + "\",\"issuedAt\":\"" + issuedAt + "\",\"outcome\":\"" + answer.path("outcome")
                + "\",\"policyVersion\":\"" + answer.path("policyVersion") + "\",\"v\":1}";
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(issuedAt).isEqualTo(Instant.parse(answer.path("decidedAt")));
    }

    /** RFC 8032's encoding: little-endian y, the top bit of the last byte the sign of x. */
    private static PublicKey publicKey(byte[] raw) throws Exception {
        byte[] y = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) y[i] = raw[raw.length - 1 - i];
        boolean xOdd = (y[0] & 0x80) != 0;
        y[0] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, y))));
    }
}
