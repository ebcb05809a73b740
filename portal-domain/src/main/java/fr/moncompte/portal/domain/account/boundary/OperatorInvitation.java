package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.access.control.NewUserChecks;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The transaction of {@link FirstOperator}: the account, its audit event and its invitation, or nothing. */
@Stateless
@PermitAll
public class OperatorInvitation {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    LinkIssuing links;

    @Inject
    AuditLog audit;

    /**
     * @return the new operator's account id; empty when an operator exists already
     * @throws IllegalArgumentException the settings do not make a valid person, or the address is someone's login
     *                                  (said in the message)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> inviteIfNoOperator(String email, String firstName, String lastName, String languageCode) {
        if (em.createNamedQuery(UserAccount.OPERATORS, Long.class).getSingleResult() > 0) {
            return Optional.empty();
        }
        NewUser checked;
        try {
            checked = NewUserChecks.check(new NewUser(firstName, lastName, email, Language.fromCode(languageCode), 0,
                    Set.of(), false));
        } catch (FieldsRefused refused) {
            throw new IllegalArgumentException("portal.bootstrap.operator.* refused: " + refused.problems().stream()
                    .map(problem -> problem.field() + " (" + problem.messageKey() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(checked.email())).getResultList().isEmpty()) {
            throw new IllegalArgumentException("portal.bootstrap.operator.email=" + checked.email()
                    + " is already the login of an account that is not an operator: choose another address");
        }
        UserAccount operator = UserAccount.invitedOperator(checked.email(), checked.firstName(), checked.lastName(),
                checked.language(), clock.instant());
        em.persist(operator);
        em.flush();
        audit.record(null, "OPERATOR_BOOTSTRAPPED", UserAccount.AUDIT_TARGET, operator.getId(), null,
                "email=" + operator.getEmail(), null);
        links.invitation(operator, null, null);
        return Optional.of(operator.getId());
    }

    /**
     * While no operator has ever chosen a password, each start sends the configured address's invitation again (the
     * earlier link stops working), three times an hour at most: the first mail may have been lost or have expired,
     * and there is no operator yet to send another.
     *
     * @return the account invited again; empty once an operator has chosen a password, when the address is not an
     * invited operator's, or past the hourly limit
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> inviteAgainIfNeverAccepted(String email) {
        long accepted = em.createQuery("""
                        select count(a) from UserAccount a where a.operator = true and a.status <> :invited""",
                        Long.class)
                .setParameter("invited", AccountStatus.INVITED).getSingleResult();
        if (accepted > 0) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email.trim())).getResultStream()
                .filter(account -> account.isOperator() && account.getStatus() == AccountStatus.INVITED)
                .findFirst()
                .filter(account -> links.invitationAskedAgain(account, null))
                .map(UserAccount::getId);
    }

    /** Whether an operator exists, read afresh (after an invitation that failed, to tell a race from a fault). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean operatorExists() {
        return em.createNamedQuery(UserAccount.OPERATORS, Long.class).getSingleResult() > 0;
    }
}
