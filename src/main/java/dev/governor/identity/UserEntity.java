package dev.governor.identity;

import jakarta.persistence.Column;
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
