package fr.moncompte.portal.domain.organisation.boundary;

/**
 * What an operator's creation made: the customer account, its company or firm, and how its administrator was asked
 * in: invited as a new person, or (an address that is a login already) asked to join.
 *
 * @param companyId      the company created, or null for a firm
 * @param firmId         the firm created, or null for a client
 * @param administratorId the person who administers it (or will, once they accept)
 * @param existingPerson whether the administrator had an account already and was asked to join
 */
public record Onboarded(long accountId, Long companyId, Long firmId, long administratorId, boolean existingPerson) {
}
