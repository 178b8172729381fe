package dev.governor.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.governor.api.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /v1/decisions}: what an agent is about to do, and why. */
public record DecisionRequest(
        @NotNull @Pattern(regexp = Patterns.AGENT_ID, message = Patterns.AGENT_ID_MESSAGE) String agentId,
        @Size(max = 128) String sessionId,
        UUID approvalId,
        UUID planId,
        @PositiveOrZero Integer stepIndex,
        @NotNull @Valid Action action,
        @Size(max = 200) List<@NotNull @Valid Input> inputs,
        @Valid Reasoning reasoning,
        @Schema(description = "What the action should achieve, checkable afterwards: an object with a required "
                + "description (at most 2000 characters) and any free fields; at most 16 KiB of JSON")
        JsonNode expectedEffect) {

    public DecisionRequest {
        inputs = inputs == null ? List.of() : inputs;
    }

    /** {@code type} is {@code <resource>.<verb>}, e.g. {@code environment.delete}. */
    public record Action(
            @NotNull @Pattern(regexp = Patterns.ACTION_TYPE, message = Patterns.ACTION_TYPE_MESSAGE) String type,
            @NotNull @Pattern(regexp = Patterns.ENVIRONMENT, message = Patterns.ENVIRONMENT_MESSAGE) String environment,
            @Size(max = 1000) String target,
            @Valid Impact impact,
            @Size(max = 4000) String rollbackPlan) {
    }

    /**
     * What the action touches if it goes wrong. A figure left out (or the whole impact) is
     * unknown, never 0: the policy treats it as at least as severe as any declared figure could
     * be (decision-tables/blast-radius.dmn, budgets.dmn, required-evidence.dmn). Declare 0 for
     * a figure the action does not touch.
     */
    @Schema(description = "What the action touches if it goes wrong. An omitted figure (or an omitted impact) is "
            + "unknown, never 0: it is judged as at least as severe as a declared one could be, and where "
            + "decision-tables/required-evidence.dmn asks for it the answer is MISSING_EVIDENCE. "
            + "Declare 0 for a figure the action does not touch.")
    public record Impact(
            @Schema(description = "Records or items touched; omitted = unknown") @PositiveOrZero Long records,
            @Schema(description = "People affected; omitted = unknown") @PositiveOrZero Long users,
            @Schema(description = "Amount at stake, any currency unit; omitted = unknown")
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal monetaryValue) {
    }

    /** One piece of data the agent acted on; checked for freshness, agreement and anomalies. */
    public record Input(
            @NotBlank @Size(max = 128) String source,
            @NotBlank @Size(max = 256) String metric,
            @Digits(integer = 18, fraction = 6) BigDecimal value,
            @NotNull OffsetDateTime observedAt) {
    }

    /** The agent's reasoning chain, kept verbatim in the decision record for incident review. */
    public record Reasoning(
            @Size(max = 4000) String goal,
            @Size(max = 65536) String prompt,
            @Size(max = 16384) String rationale,
            @Size(max = 50) List<@Size(max = 4000) String> alternatives,
            JsonNode toolCall) {
    }
}
