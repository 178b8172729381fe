package dev.governor.asset;

import java.util.List;

/** The answer to an import: every asset of the file as now registered, in the file's order. */
public record ImportResult(String mode, int created, int updated, List<Asset> assets) {
}
