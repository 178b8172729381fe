package dev.governor.grant;

import dev.governor.api.ApiException;

/** Where a grant request stands. */
public enum GrantStatus {
    PENDING, APPROVED, REJECTED;

    static GrantStatus parse(String value) {
        if (value == null || value.isEmpty()) return null;
        for (GrantStatus s : values()) {
            if (s.name().equals(value)) return s;
        }
        throw ApiException.invalid("status", "must be PENDING, APPROVED or REJECTED");
    }
}
