package dev.governor.receipt;

import dev.governor.audit.AuditSigner;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The public keys receipts (and audit records and checkpoints) are signed with, as a JSON Web
 * Key Set (RFC 7517, OKP keys of RFC 8037). Public by design: an executor checks receipts with
 * them and needs no Governor credentials to fetch them.
 */
@Path("/v1/keys")
@Tag(name = "Receipts", description = "Signed decision receipts and the keys that check them")
public class KeysResource {

    /** An Ed25519 SubjectPublicKeyInfo is this fixed prefix followed by the 32-byte key. */
    private static final int X509_ED25519_PREFIX = 12;

    /** RFC 8037's key type for Ed25519 keys. */
    private enum KeyType { OKP }

    private final AuditSigner signer;

    public KeysResource(AuditSigner signer) {
        this.signer = signer;
    }

    public record Jwk(String kty, String crv, String x, String kid, String alg, String use) {
    }

    public record Jwks(List<Jwk> keys) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getKeys", summary = "The public keys that check decision receipts (JWKS)")
    public Jwks keys() {
        byte[] der = signer.publicKey().getEncoded();
        byte[] raw = Arrays.copyOfRange(der, X509_ED25519_PREFIX, der.length);
        return new Jwks(List.of(new Jwk(KeyType.OKP.name(), "Ed25519", Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                signer.keyId(), "EdDSA", "sig")));
    }
}
