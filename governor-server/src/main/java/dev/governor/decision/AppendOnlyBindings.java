package dev.governor.decision;

import dev.governor.audit.BoundForms;
import dev.governor.audit.EntityBindings;
import jakarta.persistence.EntityManager;

import java.util.UUID;
import java.util.function.Function;

/**
 * The rows of one append-only entity as their audit records bind them: history, written once and
 * never changed. Reviews, human actions and OUTCOME_MISSING flags.
 */
abstract class AppendOnlyBindings<E> extends EntityBindings<E> {

    AppendOnlyBindings(EntityManager em, BoundForms bound, String kind, Class<E> type, Function<E, UUID> id,
                       Function<E, Object> form) {
        super(em, bound, kind, type, id, form, false);
    }
}
