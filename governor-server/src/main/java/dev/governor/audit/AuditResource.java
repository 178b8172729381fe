package dev.governor.audit;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.api.ApiException;
import dev.governor.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What auditors read of the chain: the raw log, its verification and the keyed hash of a value.
 * Nothing here changes the log: records are never updated or deleted through the API (archiving
 * is an operator procedure, see README "For auditors"). The decision exports under the same path
 * are the decision package's ({@code DecisionExportResource}).
 */
@Tag(name = "Audit", description = "The hash-chained log, its verification and exports")
@Path("/v1/audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private final AuditExports exports;
    private final AuditVerifier verifier;
    private final SensitiveFields sensitive;
    private final Checkpoints checkpoints;
    private final AuditSigner signer;

    public AuditResource(AuditExports exports, AuditVerifier verifier, SensitiveFields sensitive,
                         Checkpoints checkpoints, AuditSigner signer) {
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.exports = exports;
        this.verifier = verifier;
        this.sensitive = sensitive;
    }

    /** The raw hash chain, for the offline verifier ({@code dev.governor.audit.cli.VerifyExport}). */
    @Operation(operationId = "exportAuditLog", summary = "The hash-chained audit log, streamed (NDJSON or CSV)")
    @GET
    @Path("/log")
    public Response log(@QueryParam("fromSeq") String fromSeq, @QueryParam("format") String format,
                        @QueryParam("bom") String bom, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        ExportFormat f = ExportFormat.of(format, accept);
        return f.attachment(exports.log(seq(fromSeq), f), "audit-log", bom);
    }

    /**
     * The chain with every row it binds in canonical form, for the offline verifier to recompute
     * each bound hash ({@code VerifyExport bundle.ndjson}). NDJSON only.
     */
    @Operation(operationId = "exportAuditBundle", summary = "The chain with every row it binds, for the offline verifier")
    @GET
    @Path("/bundle")
    public Response bundle() {
        return ExportFormat.NDJSON.attachment(exports.bundle(), "audit-bundle");
    }

    @Operation(operationId = "verifyAuditChain", summary = "Check the chain, its signatures, checkpoints and the rows it binds")
    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    public VerifyResult verify(@QueryParam("fromSeq") String fromSeq,
                               @QueryParam("expectedPrevHash") String expectedPrevHash) {
        long from = seq(fromSeq);
        if (expectedPrevHash != null && !expectedPrevHash.matches("^[0-9a-f]{64}$")) {
            throw ApiException.invalid("expectedPrevHash", "must be 64 lowercase hex digits (a record's hash)");
        }
        if (from > 1 && expectedPrevHash == null) {
            throw ApiException.invalid("expectedPrevHash", "is required with fromSeq > 1: the checkpoint hash of "
                    + "record fromSeq - 1, so the verification does not trust the database for it");
        }
        return verifier.verify(from, expectedPrevHash);
    }

    /**
     * The signed checkpoints (newest first, at most {@code limit}), the key that signs them and
     * where their files are. Archive the files outside the database; give the offline verifier one.
     */
    @Operation(operationId = "listAuditCheckpoints", summary = "Signed checkpoints of the chain head, with the public key")
    @GET
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public CheckpointList checkpoints(@QueryParam("limit") String limit) {
        int max = limit(limit);
        List<Checkpoint> all = checkpoints.all();
        List<Checkpoint> newest = new ArrayList<>(all.subList(Math.max(0, all.size() - max), all.size()));
        Collections.reverse(newest);
        return new CheckpointList(signer.keyId(), signer.publicKeyPem(), checkpoints.directory().toString(),
                all.size(), newest);
    }

    /** {@code total}: how many signed checkpoints there are; {@code checkpoints}: the newest of them. */
    public record CheckpointList(String keyId, String publicKey, String directory, int total,
                                 List<Checkpoint> checkpoints) {
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) return 100;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 1000) return n;
        } catch (NumberFormatException e) {
            // same answer as an out-of-range number
        }
        throw ApiException.invalid("limit", "must be a whole number from 1 to 1000");
    }

    /**
     * The keyed hash Governor stores for a sensitive value, so an auditor can search the log for a
     * value they already know. An oracle for guessing low-entropy values: restrict it to auditors.
     */
    @Operation(operationId = "hashSensitiveValue", summary = "The masked form of a value, to search the exports for it")
    @POST
    @Path("/hash")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public HashResponse hash(@NotNull @Valid HashRequest body) {
        if (body.value().isNull()) {
            throw ApiException.invalid("value", "must not be null");
        }
        return new HashResponse(sensitive.hash(body.value()).orElseThrow(() -> ApiException.conflict(
                "No sensitive fields are hashed: governor.audit.hmac-key is not configured")));
    }

    /** {@code value}: the value to hash, a string or any JSON value. */
    public record HashRequest(@NotNull JsonNode value) {
    }

    public record HashResponse(String hash) {
    }

    private static long seq(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        try {
            long seq = Long.parseLong(value);
            if (seq >= 1) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // same answer as an out-of-range number
        }
        throw ApiException.invalid("fromSeq", "must be a whole number of at least 1");
    }
}
