package dev.governor.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A person the identity provider authenticated, as Governor first saw them. */
@Entity
@Table(name = "oidc_subjects")
class OidcSubjectEntity {
    @Id
    String name;
    /** Comma-separated roles the first token claimed (informative: every token brings its own). */
    String roles;
    @Column(name = "first_seen_at")
    OffsetDateTime firstSeenAt;
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
}
