package dev.governor.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

@Entity
@Table(name = "users")
class UserEntity {
    @Id
    String name;
    /** Comma-separated role names. */
    String roles;
    @Column(name = "token_hash")
    String tokenHash;
    @Column(name = "token_prefix")
    String tokenPrefix;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "created_by")
    String createdBy;
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
