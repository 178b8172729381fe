package dev.governor.grant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
class GrantRequestRepository implements PanacheRepositoryBase<GrantRequestEntity, UUID> {

    private static final String DECIDED = "exists (select 1 from GrantDecisionEntity d where d.requestId = r.id";

    /** Newest first; {@code status} null lists every request. */
    List<GrantRequestEntity> page(GrantStatus status, int page, int size) {
        return find("select r from GrantRequestEntity r" + where(status), Sort.by("requestedAt").descending().and("id"),
                parameters(status)).page(Page.of(page, size)).list();
    }

    long count(GrantStatus status) {
        return find("select r from GrantRequestEntity r" + where(status), parameters(status)).count();
    }

    boolean pending(String agentId, String permission) {
        return find("select r from GrantRequestEntity r where r.agentId = ?1 and r.permission = ?2 and not "
                + DECIDED + ")", agentId, permission).count() > 0;
    }

    private static String where(GrantStatus status) {
        if (status == null) return "";
        return status == GrantStatus.PENDING ? " where not " + DECIDED + ")" : " where " + DECIDED + " and d.status = ?1)";
    }

    private static Object[] parameters(GrantStatus status) {
        return status == null || status == GrantStatus.PENDING ? new Object[0] : new Object[] {status.name()};
    }
}
