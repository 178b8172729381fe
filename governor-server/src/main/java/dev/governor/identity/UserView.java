package dev.governor.identity;

import java.time.Instant;
import java.util.List;

/**
 * A user as {@code GET /v1/users} lists it: never the token or its hash. {@code source} is
 * {@code local} (POST /v1/users, the bootstrap admin) or {@code oidc} (seen through the identity
 * provider; {@code createdAt} is when Governor first saw them).
 */
public record UserView(String name, List<String> roles, String source, UserStatus status, Instant createdAt,
                       String createdBy, Instant disabledAt, String disabledBy, String disabledReason,
                       Instant deletedAt, String deletedBy) {

    public static final String LOCAL = "local";
    public static final String OIDC = "oidc";

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }

    /** When the user stopped being active, or null. */
    public Instant inactiveSince() {
        return deletedAt != null ? deletedAt : disabledAt;
    }
}
