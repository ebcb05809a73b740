package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.control.CurrentPassword;
import fr.moncompte.portal.domain.account.control.EmailAddress;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.control.PasswordPolicy;
import fr.moncompte.portal.domain.account.control.PhoneNumber;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.LinkPurpose;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.session.control.SessionEnding;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static fr.moncompte.portal.domain.Roles.USER;

/**
 * What a signed-in person does with their own account. The caller is always the authenticated principal, never an
 * id passed in, so nobody can act on another account through these methods.
 */
@Stateless
@RolesAllowed(USER)
public class Accounts {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    PasswordHashing hashing;


    @Inject
    AuditLog audit;

    @Inject
    CurrentPassword passwordCheck;

    @Inject
    ApplicationEvents events;

    @Inject
    SessionEnding sessionEnding;

    @Inject
    LinkIssuing links;


    /** The signed-in person's account. */
    public UserAccount current() {
        return account(callerId());
    }

    /** The applications the signed-in person may open, company by company. */
    public List<AccessGrant> currentAccess() {
        return em.createNamedQuery(AccessGrant.CURRENT_OF_USER, AccessGrant.class)
                .setParameter("userId", callerId())
                .getResultList();
    }

    /**
     * Changes the caller's password after checking the current one and the policy; ends the account's other sessions
     * and the open reset and e-mail change links, writes the audit event and sends {@link EventType#PASSWORD_CHANGED},
     * all in the same transaction.
     *
     * @param currentSessionId the caller's own session, which stays open
     */
    public void changePassword(String currentPassword, String newPassword, String currentSessionId, String sourceAddress) {
        UserAccount account = current();
        passwordCheck.check(account, currentPassword, sourceAddress);
        PasswordPolicy.check(newPassword, account.getEmail());
        if (hashing.matches(newPassword, account.getPasswordHash())) {
            throw new PortalException("password.unchanged");
        }
        Instant now = clock.instant();
        account.changePassword(hashing.hash(newPassword), now);
        // Links asked for with the old password (a reset, an e-mail change) stop working with it.
        links.cancelOpen(account.getId(), LinkPurpose.PASSWORD_RESET, now);
        links.cancelOpen(account.getId(), LinkPurpose.EMAIL_CHANGE, now);
        sessionEnding.endAllBut(account.getId(), currentSessionId);
        audit.record(account.getId(), "PASSWORD_CHANGED", UserAccount.AUDIT_TARGET, account.getId(), null, null,
                sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.PASSWORD_CHANGED, account.getId(), account.getId(),
                clock.instant()));
    }

    /**
     * Asks to change the caller's login to {@code typedEmail}: checks the current password, then sends a confirmation
     * link to the new address and tells the current one ({@link EventType#EMAIL_CHANGE_REQUESTED}). The login changes
     * only when the link is used. The answer is the same whether or not the address already signs in to an account
     * (nobody learns who has an account by trying addresses); when it does, its owner gets a notice instead of the
     * link (see {@link AccountLinks#issue}), and the change cannot be confirmed.
     *
     * @return the new address and until when its link works
     */
    public AccountLink requestEmailChange(String currentPassword, String typedEmail, String sourceAddress) {
        UserAccount account = current();
        passwordCheck.check(account, currentPassword, sourceAddress);
        String email = EmailAddress.normalise(typedEmail);
        String key = UserAccount.emailKey(email);
        if (key.equals(account.getEmailKey())) {
            throw new PortalException("email.unchanged");
        }
        return links.emailChange(account, email, sourceAddress);
    }

    /** The caller's e-mail change waiting for its confirmation, if any. */
    public Optional<AccountLink> pendingEmailChange() {
        return em.createNamedQuery(AccountLink.OPEN_OF_ACCOUNT, AccountLink.class)
                .setParameter("accountId", callerId())
                .setParameter("purpose", LinkPurpose.EMAIL_CHANGE)
                .setParameter("now", clock.instant())
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /**
     * Saves the caller's contact data: phone (E.164, or none) and interface language. Nothing is saved when the phone
     * cannot be read, so the form keeps what the person typed.
     */
    public void changeContact(String typedPhone, Language language, String sourceAddress) {
        String phone = PhoneNumber.normalise(typedPhone);
        UserAccount account = current();
        String before = "phone=" + account.getPhone() + ", language=" + account.getLanguage().code();
        account.changePhone(phone);
        account.changeLanguage(language);
        String after = "phone=" + phone + ", language=" + language.code();
        if (!before.equals(after)) {
            audit.record(account.getId(), "CONTACT_CHANGED", UserAccount.AUDIT_TARGET, account.getId(), before, after,
                    sourceAddress);
        }
    }

    /** Sets the caller's interface language, which pages, mails and documents follow. */
    public void changeLanguage(Language language, String sourceAddress) {
        UserAccount account = current();
        Language before = account.getLanguage();
        if (before == language) {
            return;
        }
        account.changeLanguage(language);
        audit.record(account.getId(), "LANGUAGE_CHANGED", UserAccount.AUDIT_TARGET, account.getId(),
                "language=" + before.code(), "language=" + language.code(), sourceAddress);
    }

    /** Whom to write to about an account, for the notifications module (which runs as {@link Roles#SYSTEM}). */
    @RolesAllowed(Roles.SYSTEM)
    public Recipient recipient(long accountId) {
        UserAccount account = account(accountId);
        return new Recipient(account.getId(), account.getEmail(), account.getFirstName(), account.getLastName(),
                account.getLanguage());
    }

    /**
     * Whom to write to about an account, if anyone: none for an account that does not exist or whose person was erased
     * (issue 21), so that an event still on its way about them tells nobody.
     */
    @RolesAllowed(Roles.SYSTEM)
    public Optional<Recipient> findRecipient(long accountId) {
        UserAccount account = em.find(UserAccount.class, accountId);
        if (account == null || account.getErasedAt() != null) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(account.getId(), account.getEmail(), account.getFirstName(),
                account.getLastName(), account.getLanguage()));
    }

    /**
     * Whom to write to about a customer account's invoices and payments: its administrators who can read a mail now
     * (active, or locked for a while), in id order. Invited administrators who never signed in are left out.
     */
    @RolesAllowed(Roles.SYSTEM)
    public List<Recipient> administrators(long customerAccountId) {
        return em.createQuery("""
                        select u from CustomerAccount c join c.administrators u
                        where c.id = :account and u.status in :reachable and u.erasedAt is null
                        order by u.id""", UserAccount.class)
                .setParameter("account", customerAccountId)
                .setParameter("reachable", List.of(AccountStatus.ACTIVE, AccountStatus.LOCKED))
                .getResultStream()
                .map(account -> new Recipient(account.getId(), account.getEmail(), account.getFirstName(),
                        account.getLastName(), account.getLanguage()))
                .toList();
    }

    private UserAccount account(long id) {
        UserAccount account = em.find(UserAccount.class, id);
        if (account == null) {
            throw new NotFound();
        }
        return account;
    }

    private long callerId() {
        try {
            return Long.parseLong(session.getCallerPrincipal().getName());
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }
}
