package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.AccountKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks e-mail and password. Every failure looks the same from outside, and takes the time of a real hash check,
 * so that nobody learns whether an e-mail is known (SPEC §4 rule 6).
 */
@Stateless
@PermitAll
public class SignIn {

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    public Optional<SignedIn> verify(String email, String password) {
        Optional<UserAccount> found = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email))
                .getResultStream().findFirst();
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            hashing.spendDecoyCheck();
            return Optional.empty();
        }
        UserAccount account = found.get();
        if (!hashing.matches(password, account.getPasswordHash()) || !account.canSignIn()) {
            return Optional.empty();
        }
        return Optional.of(new SignedIn(account.getId(), rolesOf(account)));
    }

    /** The roles of SPEC §1: administrators of a client's account, of a firm's account, operators; everybody is a user. */
    Set<String> rolesOf(UserAccount account) {
        Set<String> roles = new HashSet<>();
        roles.add(Roles.USER);
        if (account.isOperator()) {
            roles.add(Roles.OPERATOR);
        }
        List<AccountKind> administered = em.createQuery("""
                        select distinct c.kind from CustomerAccount c join c.administrators a
                        where a.id = :accountId""", AccountKind.class)
                .setParameter("accountId", account.getId())
                .getResultList();
        if (administered.contains(AccountKind.CLIENT)) {
            roles.add(Roles.CLIENT_ADMIN);
        }
        if (administered.contains(AccountKind.FIRM)) {
            roles.add(Roles.FIRM_ADMIN);
        }
        return roles;
    }
}
