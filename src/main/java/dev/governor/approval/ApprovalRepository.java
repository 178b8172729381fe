package dev.governor.approval;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepositoryBase<ApprovalEntity, UUID> {
}
