package dev.governor.freeze;

import java.time.OffsetDateTime;

/**
 * The global halt as the API shows it.
 *
 * @param changedBy who declared or lifted it last (null if it was never declared)
 */
public record Halt(boolean active, String reason, String changedBy, OffsetDateTime changedAt) {
}
