package dev.governor.asset;

import dev.governor.policy.DataClass;
import dev.governor.policy.EnvironmentTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /v1/assets} and {@code PUT /v1/assets/{id}} (a full replacement), and one
 * row of {@code POST /v1/assets/import}: the same fields and the same rules either way.
 */
public record AssetRequest(
        @Schema(description = "The target or a pattern of targets: '*' matches any run of characters, every other "
                + "character only itself, compared in lower case with the normalised target. Example: db/prod-main*")
        @NotNull @Size(min = 1, max = AssetRequest.MAX_TARGET)
        @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with whitespace")
        String target,
        @NotNull EnvironmentTier tier,
        @NotNull DataClass dataClass,
        @NotNull Criticality criticality,
        @NotBlank @Size(max = 200) String ownerTeam,
        @Valid Exposure exposure) {

    /** Characters; a UTF-8 key of this length still fits a PostgreSQL b-tree index. */
    static final int MAX_TARGET = 512;

    public AssetRequest {
        exposure = exposure == null ? Exposure.NONE : exposure;
    }
}
