package fr.moncompte.portal.domain.organisation.control;

import jakarta.persistence.TypedQuery;

import java.util.Map;

/**
 * A JPQL condition with the parameters it needs, about an entity the caller names: its text goes into the caller's
 * WHERE clause, then {@link #bind} sets its parameters on the query. It uses no alias of its own, so it can be
 * placed in any query, inside a subquery too.
 */
public record Condition(String jpql, Map<String, Object> parameters) {

    public Condition {
        parameters = Map.copyOf(parameters);
    }

    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
