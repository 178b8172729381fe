package dev.governor.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
    @Embedded
    Ending ending;

    /**
     * For reading: Hibernate loads an embeddable whose columns are all null (an active person) as
     * null. Never assigns: a read on the decision path must not leave the entity dirty, or every
     * decision would write its owner's row at commit.
     */
    Ending ending() {
        return ending == null ? new Ending() : ending;
    }

    /** For disabling or deleting: the ending the entity keeps. */
    Ending endingToChange() {
        if (ending == null) ending = new Ending();
        return ending;
    }
}
