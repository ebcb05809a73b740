package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.LinkIssuing;
import fr.moncompte.portal.domain.account.control.LinkSecret;
import fr.moncompte.portal.domain.account.control.PasswordHashing;
import fr.moncompte.portal.domain.account.control.PasswordPolicy;
import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.LinkPurpose;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.session.control.SessionEnding;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one-time links a person follows from a mail, signed out: "Mot de passe oublié ?", the invitation to set a
 * first password, the confirmation of a new e-mail address. Whoever holds the whole link may use it once, before it
 * expires; any other token (a guess, a link with a changed character) is "unknown", whatever record it names.
 */
@Stateless
@PermitAll
public class AccountLinks {

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    LinkIssuing issuing;

    @Inject
    SessionEnding sessionEnding;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    /**
     * Sends a reset link when the e-mail is the login of an active account; otherwise does nothing. It runs after the
     * caller has answered (asynchronously, in its own transaction), so that neither the answer nor its timing tells
     * whether the address is known.
     */
    @Asynchronous
    public void requestPasswordReset(String email, String sourceAddress) {
        em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email))
                .getResultStream().findFirst()
                .filter(account -> account.getStatus() == AccountStatus.ACTIVE)
                .ifPresent(account -> issuing.passwordReset(account, sourceAddress));
    }

    /** What the link's page shows; empty for anything that is not a link we sent. */
    public Optional<LinkView> open(String token) {
        Instant now = clock.instant();
        return find(token).map(link -> new LinkView(link.getPurpose(), link.stateAt(now),
                link.getPurpose() == LinkPurpose.EMAIL_CHANGE ? link.getNewEmail() : account(link).getEmail(),
                link.getExpiresAt()));
    }

    /**
     * Sets the password through an invitation (the account becomes active) or a reset link (every session of the
     * account ends, a lock from failed sign-ins is lifted, {@link EventType#PASSWORD_CHANGED} tells the owner).
     */
    public void setPassword(String token, String newPassword, String sourceAddress) {
        AccountLink link = usable(token, LinkPurpose.INVITATION, LinkPurpose.PASSWORD_RESET);
        UserAccount account = account(link);
        Instant now = clock.instant();
        PasswordPolicy.check(newPassword, account.getEmail());
        if (link.getPurpose() == LinkPurpose.INVITATION) {
            if (account.getStatus() != AccountStatus.INVITED) {
                throw new PortalException("link.used");
            }
            account.activate(hashing.hash(newPassword), now);
            audit.record(account.getId(), "INVITATION_ACCEPTED", UserAccount.AUDIT_TARGET, account.getId(), null, null,
                    sourceAddress);
        } else {
            if (account.getStatus() != AccountStatus.ACTIVE) {
                throw new PortalException("link.used");
            }
            account.changePassword(hashing.hash(newPassword), now);
            account.unlock();
            // Whoever asked for an e-mail change with the old password loses it with the password.
            issuing.cancelOpen(account.getId(), LinkPurpose.EMAIL_CHANGE, now);
            int ended = sessionEnding.endAllBut(account.getId(), null);
            audit.record(account.getId(), "PASSWORD_RESET", UserAccount.AUDIT_TARGET, account.getId(), null,
                    "sessionsEnded=" + ended, sourceAddress);
            events.publish(DomainEvent.aboutAccount(AccountEventType.PASSWORD_CHANGED, account.getId(), account.getId(),
                    clock.instant()));
        }
        link.markUsed(now);
        issuing.cancelOpen(account.getId(), link.getPurpose(), now);
    }

    /**
     * Makes the new address the login, unless another account took it meanwhile ({@code email.unavailable}, which
     * names nobody). {@link EventType#EMAIL_CHANGED} tells both addresses.
     */
    public void confirmEmailChange(String token, String sourceAddress) {
        AccountLink link = usable(token, LinkPurpose.EMAIL_CHANGE);
        UserAccount account = account(link);
        if (account.getStatus() != AccountStatus.ACTIVE) {
            throw new PortalException("link.used");
        }
        Instant now = clock.instant();
        boolean taken = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(link.getNewEmail()))
                .getResultStream().anyMatch(other -> !other.getId().equals(account.getId()));
        if (taken) {
            throw new PortalException("email.unavailable");
        }
        String before = account.getEmail();
        account.changeEmail(link.getNewEmail());
        link.markUsed(now);
        issuing.cancelOpen(account.getId(), LinkPurpose.EMAIL_CHANGE, now);
        audit.record(account.getId(), "EMAIL_CHANGED", UserAccount.AUDIT_TARGET, account.getId(),
                "email=" + before, "email=" + account.getEmail(), sourceAddress);
        events.publish(DomainEvent.aboutLink(AccountEventType.EMAIL_CHANGED, account.getId(), account.getId(), link.getId(),
                clock.instant()));
    }

    /**
     * From the page of a used or expired link: sends a fresh one of the same kind when it still makes sense (a reset
     * for an active account, an invitation for an account still invited), and says nothing either way.
     */
    public void sendNewLink(String token, String sourceAddress) {
        find(token).filter(link -> link.stateAt(clock.instant()) != AccountLink.State.VALID).ifPresent(link -> {
            UserAccount account = account(link);
            if (link.getPurpose() == LinkPurpose.PASSWORD_RESET && account.getStatus() == AccountStatus.ACTIVE) {
                issuing.passwordReset(account, sourceAddress);
            } else if (link.getPurpose() == LinkPurpose.INVITATION && account.getStatus() == AccountStatus.INVITED) {
                issuing.invitationAskedAgain(account, sourceAddress);
            }
        });
    }

    /**
     * For the notifications module writing the link's mail: makes the link's secret and keeps its hash. A link
     * already spent or expired gets no mail (empty). Written again after a failed delivery, the mail carries a new
     * secret and the old one stops working.
     *
     * @throws LinkNotYetVisible when the link's row cannot be read yet: the event is to be delivered again
     */
    @RolesAllowed(Roles.SYSTEM)
    public Optional<LinkMail> issue(String linkId) {
        return issueFor(committed(linkId));
    }

    /**
     * For an operator's replay of a mail given up: a fresh secret for the account's newest open link of this purpose,
     * whose earlier secret (in the dead mail's bodies, now forgotten) stops working; empty when no link is open any
     * more (used, replaced or expired).
     */
    @RolesAllowed(Roles.SYSTEM)
    public Optional<LinkMail> reissueOpen(long accountId, LinkPurpose purpose) {
        return em.createNamedQuery(AccountLink.OPEN_OF_ACCOUNT, AccountLink.class)
                .setParameter("accountId", accountId)
                .setParameter("purpose", purpose)
                .setParameter("now", clock.instant())
                .setMaxResults(1)
                .getResultStream().findFirst().flatMap(this::issueFor);
    }

    private Optional<LinkMail> issueFor(AccountLink link) {
        if (link.stateAt(clock.instant()) != AccountLink.State.VALID) {
            return Optional.empty();
        }
        if (link.getPurpose() == LinkPurpose.EMAIL_CHANGE) {
            Optional<Recipient> owner = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                    .setParameter("emailKey", UserAccount.emailKey(link.getNewEmail()))
                    .getResultStream().filter(other -> !other.getId().equals(link.getAccountId())).findFirst()
                    .map(other -> new Recipient(other.getId(), other.getEmail(), other.getFirstName(),
                            other.getLastName(), other.getLanguage()));
            if (owner.isPresent()) {
                // No secret at all: the address belongs to someone else, who is told and given nothing to click.
                return Optional.of(new LinkMail(null, link.getPurpose(), link.getExpiresAt(), link.getNewEmail(),
                        link.getPreviousEmail(), owner.get()));
            }
        }
        LinkSecret secret = LinkSecret.newFor(link.getId());
        link.useSecretHash(secret.hash());
        return Optional.of(new LinkMail(secret.token(), link.getPurpose(), link.getExpiresAt(), link.getNewEmail(),
                link.getPreviousEmail(), null));
    }

    /** For the notifications module: the addresses of an e-mail change, the old one being told too. */
    @RolesAllowed(Roles.SYSTEM)
    public Optional<LinkMail> emailChangeOf(String linkId) {
        return Optional.of(committed(linkId))
                .filter(link -> link.getPurpose() == LinkPurpose.EMAIL_CHANGE)
                .map(link -> new LinkMail(null, link.getPurpose(), link.getExpiresAt(), link.getNewEmail(),
                        link.getPreviousEmail(), null));
    }

    /** The link an event names: written in the event's transaction, so missing only while that commit is on its way. */
    private AccountLink committed(String linkId) {
        AccountLink link = em.find(AccountLink.class, linkId);
        if (link == null) {
            throw new LinkNotYetVisible(linkId);
        }
        return link;
    }

    private Optional<AccountLink> find(String token) {
        return LinkSecret.parse(token).flatMap(secret -> Optional.ofNullable(em.find(AccountLink.class, secret.linkId()))
                .filter(link -> secret.matches(link.getSecretHash())));
    }

    private AccountLink usable(String token, LinkPurpose... purposes) {
        AccountLink link = find(token).orElseThrow(() -> new PortalException("link.unknown"));
        if (!List.of(purposes).contains(link.getPurpose())) {
            throw new PortalException("link.unknown");
        }
        switch (link.stateAt(clock.instant())) {
            case USED -> throw new PortalException("link.used");
            case EXPIRED -> throw new PortalException("link.expired");
            default -> em.lock(link, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        return link;
    }

    private UserAccount account(AccountLink link) {
        return em.find(UserAccount.class, link.getAccountId());
    }
}
