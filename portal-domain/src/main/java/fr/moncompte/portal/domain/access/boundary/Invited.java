package fr.moncompte.portal.domain.access.boundary;

import java.util.SortedSet;

/**
 * What an administrator is told after "+": an invitation went to this address for this company, with these
 * applications and role. The same whether the address was new (an account was made, invited) or already had an
 * account (its owner is asked to join), so that nobody learns from it who has an account (issue 19).
 */
public record Invited(String email, long companyId, String companyName, SortedSet<String> applications,
                      boolean administrator) {
}
