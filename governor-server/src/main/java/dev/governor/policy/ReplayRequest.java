package dev.governor.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;

/**
 * Body of {@code POST /v1/policies/replay}: which candidate policy, and which recorded decisions
 * to replay against it — the {@code last} N (default 1000), or those decided in {@code [from, to)}.
 *
 * @param examples how many flipped decisions to show in full (default 20)
 */
public record ReplayRequest(@NotNull @Valid Candidate candidate,
                            @Min(1) @Max(100_000) Integer last,
                            OffsetDateTime from,
                            OffsetDateTime to,
                            @Min(0) @Max(500) Integer examples) {

    public static final int DEFAULT_LAST = 1000;
    public static final int DEFAULT_EXAMPLES = 20;
    /** A time range replays at most this many decisions (the newest ones in it). */
    public static final int MAX_RANGE = 100_000;

    /** Directories relative to (and inside) {@code governor.policy.candidate-root}. */
    public record Candidate(@NotBlank String rulesDir, @NotBlank String tablesDir) {
    }
}
