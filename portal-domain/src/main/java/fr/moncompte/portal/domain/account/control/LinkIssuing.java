package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.LimitReached;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.LinkPurpose;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Creates one-time links inside the caller's transaction: the record, the audit event and the domain event whose
 * mail carries the link (the secret is made when the mail is written). A new link cancels the account's open links
 * of the same purpose, so only the latest mail works. Who may ask is the calling boundary's business.
 */
@Dependent
@Transactional(Transactional.TxType.MANDATORY)
public class LinkIssuing {

    /**
     * Links a person may ask for themselves in an hour (resets, new invitations from an expired link); more are
     * ignored, silently, so that nobody floods a mailbox.
     */
    static final int ASKED_PER_HOUR = 3;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    public void invitation(UserAccount account, Long actorId, String sourceAddress) {
        Instant now = clock.instant();
        AccountLink link = replace(AccountLink.invitation(account.getId(), now), now);
        audit.record(actorId, "INVITATION_SENT", UserAccount.AUDIT_TARGET, account.getId(), null,
                "expiresAt=" + link.getExpiresAt(), sourceAddress);
        events.publish(DomainEvent.aboutLink(AccountEventType.USER_INVITED, actorId, account.getId(), link.getId(),
                clock.instant()));
    }

    /** A new invitation asked for from the page of an expired one; false (nothing sent) past the hourly limit. */
    public boolean invitationAskedAgain(UserAccount account, String sourceAddress) {
        if (tooManyAskedFor(account, LinkPurpose.INVITATION)) {
            return false;
        }
        invitation(account, null, sourceAddress);
        return true;
    }

    /** @return false when the account asked for too many resets this hour (nothing is sent) */
    public boolean passwordReset(UserAccount account, String sourceAddress) {
        Instant now = clock.instant();
        if (tooManyAskedFor(account, LinkPurpose.PASSWORD_RESET)) {
            return false;
        }
        AccountLink link = replace(AccountLink.passwordReset(account.getId(), now), now);
        audit.record(null, "PASSWORD_RESET_REQUESTED", UserAccount.AUDIT_TARGET, account.getId(), null, null,
                sourceAddress);
        events.publish(DomainEvent.aboutLink(AccountEventType.PASSWORD_RESET_REQUESTED, null, account.getId(),
                link.getId(), clock.instant()));
        return true;
    }

    /**
     * @throws PortalException {@code email.tooManyRequests} past {@value #ASKED_PER_HOUR} changes asked within the
     *                         hour: each one mails an address, maybe someone else's
     */
    public AccountLink emailChange(UserAccount account, String newEmail, String sourceAddress) {
        if (tooManyAskedFor(account, LinkPurpose.EMAIL_CHANGE)) {
            throw new LimitReached("email.tooManyRequests");
        }
        Instant now = clock.instant();
        AccountLink link = replace(AccountLink.emailChange(account.getId(), account.getEmail(), newEmail, now), now);
        audit.record(account.getId(), "EMAIL_CHANGE_REQUESTED", UserAccount.AUDIT_TARGET, account.getId(),
                "email=" + account.getEmail(), "email=" + newEmail, sourceAddress);
        events.publish(DomainEvent.aboutLink(AccountEventType.EMAIL_CHANGE_REQUESTED, account.getId(), account.getId(),
                link.getId(), clock.instant()));
        return link;
    }

    /** Spends the account's other open links of this purpose, e.g. after one was used. */
    public void cancelOpen(long accountId, LinkPurpose purpose, Instant now) {
        em.createNamedQuery(AccountLink.OPEN_OF_ACCOUNT, AccountLink.class)
                .setParameter("accountId", accountId)
                .setParameter("purpose", purpose)
                .setParameter("now", now)
                .getResultList()
                .forEach(open -> open.cancel(now));
    }

    private boolean tooManyAskedFor(UserAccount account, LinkPurpose purpose) {
        return em.createNamedQuery(AccountLink.CREATED_SINCE, Long.class)
                .setParameter("accountId", account.getId())
                .setParameter("purpose", purpose)
                .setParameter("since", clock.instant().minus(Duration.ofHours(1)))
                .getSingleResult() >= ASKED_PER_HOUR;
    }

    private AccountLink replace(AccountLink link, Instant now) {
        cancelOpen(link.getAccountId(), link.getPurpose(), now);
        em.persist(link);
        return link;
    }
}
