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

    /** Hibernate loads an embeddable whose columns are all null (an active person) as null. */
    Ending ending() {
        if (ending == null) ending = new Ending();
        return ending;
    }
}
