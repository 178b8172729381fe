package dev.governor.asset;

/**
 * What an import does with a target that is already registered: {@code create} (the default)
 * refuses the whole file; {@code upsert} replaces that asset's fields, keeping its id.
 */
enum ImportMode {
    CREATE,
    UPSERT;

    static ImportMode of(String value) {
        if (value == null || value.equals("create")) return CREATE;
        if (value.equals("upsert")) return UPSERT;
        throw dev.governor.api.ApiException.invalid("mode", "must be create (the default) or upsert");
    }
}
