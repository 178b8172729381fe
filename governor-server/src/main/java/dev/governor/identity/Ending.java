package dev.governor.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;

/**
 * How a person stopped being active, the same for local users and OIDC subjects: disabled (with
 * a reason) and/or softly deleted, each with who and when. All null while active.
 */
@Embeddable
class Ending {
    @Column(name = "disabled_at")
    OffsetDateTime disabledAt;
    @Column(name = "disabled_by")
    String disabledBy;
    @Column(name = "disabled_reason")
    String disabledReason;
    @Column(name = "deleted_at")
    OffsetDateTime deletedAt;
    @Column(name = "deleted_by")
    String deletedBy;

    UserStatus status() {
        return deletedAt != null ? UserStatus.DELETED : disabledAt != null ? UserStatus.DISABLED : UserStatus.ACTIVE;
    }
}
