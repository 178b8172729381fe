package dev.governor.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.governor.GovernorConfig;
import dev.governor.audit.AuditSigner;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Issues signed decision receipts: a JWS in compact form (RFC 7515) with EdDSA (RFC 8037), whose
 * payload is the claims as RFC 8785 canonical JSON. The key is the audit chain's signing key, so
 * one key is kept, backed up and rotated; {@code GET /v1/keys} publishes its public half.
 * Ed25519 is deterministic: the same decision always yields the same receipt.
 */
@Startup
@ApplicationScoped
public class Receipts {

    static final String TYPE = "governor-receipt+jws";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final AuditSigner signer;
    private final ObjectMapper mapper;
    private final Duration ttl;
    private final String header;

    public Receipts(AuditSigner signer, ObjectMapper mapper, GovernorConfig config) {
        this.signer = signer;
        this.mapper = mapper;
        this.ttl = config.receipts().ttl();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "EdDSA");
        h.put("kid", signer.keyId());
        h.put("typ", TYPE);
        this.header = B64.encodeToString(canonical(h));
    }

    public String issue(UUID decisionId, String agentId, String actionHash, String outcome, String policyVersion,
                        Instant issuedAt, long auditSeq) {
        ReceiptClaims claims = new ReceiptClaims(ReceiptClaims.VERSION, decisionId, agentId, actionHash, outcome,
                policyVersion, issuedAt, issuedAt.plus(ttl), auditSeq);
        String signingInput = header + "." + B64.encodeToString(canonical(payload(claims)));
        byte[] signature = Base64.getDecoder().decode(signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        return signingInput + "." + B64.encodeToString(signature);
    }

    /** The claims as JSON members; times as ISO-8601 UTC strings, the sequence as an integer. */
    static Map<String, Object> payload(ReceiptClaims c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("v", c.v());
        p.put("decisionId", c.decisionId().toString());
        p.put("agentId", c.agentId());
        p.put("actionHash", c.actionHash());
        p.put("outcome", c.outcome());
        p.put("policyVersion", c.policyVersion());
        p.put("issuedAt", c.issuedAt().toString());
        p.put("expiresAt", c.expiresAt().toString());
        p.put("auditSeq", c.auditSeq());
        return p;
    }

    private byte[] canonical(Map<String, Object> members) {
        try {
            return new JsonCanonicalizer(mapper.writeValueAsString(members)).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write receipt claims", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot canonicalise receipt claims", e);
        }
    }
}
