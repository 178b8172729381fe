package dev.governor.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class OidcSubjectRepository implements PanacheRepositoryBase<OidcSubjectEntity, String> {
}
