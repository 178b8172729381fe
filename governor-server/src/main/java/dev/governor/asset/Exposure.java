package dev.governor.asset;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** What an asset puts at stake if an action on it goes wrong. A figure left out is not registered, never 0. */
@Schema(description = "What the asset puts at stake. An omitted figure is not registered (null), never 0: "
        + "the figure the agent declares then stands alone.")
public record Exposure(
        @Schema(description = "Records or items held; omitted = not registered") @PositiveOrZero Long records,
        @Schema(description = "People affected; omitted = not registered") @PositiveOrZero Long users,
        @Schema(description = "Amount at stake, any currency unit; omitted = not registered")
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal monetaryValue) {

    static final Exposure NONE = new Exposure(null, null, null);

    /** Without trailing zeros, never in exponent form: 1200.5000 and 1200.5 are one amount, shown alike. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) return null;
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
