package fr.moncompte.portal.domain.secondfactor.boundary;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.control.CurrentPassword;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.control.AuditLog;
import fr.moncompte.portal.domain.event.AccountEventType;
import fr.moncompte.portal.domain.event.DomainEvent;
import fr.moncompte.portal.domain.event.boundary.ApplicationEvents;
import fr.moncompte.portal.domain.secondfactor.control.FactorSecrets;
import fr.moncompte.portal.domain.secondfactor.control.QrCodes;
import fr.moncompte.portal.domain.secondfactor.control.RecoveryCodes;
import fr.moncompte.portal.domain.secondfactor.control.TotpCodes;
import fr.moncompte.portal.domain.secondfactor.entity.RecoveryCode;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Mon compte › Sécurité › the second factor (issue 20): the person adds an authenticator app (a QR code and the
 * secret as text; a first code confirms it), lists their factors with their last use, removes one (their current
 * password asked again), and keeps ten recovery codes, shown once and made anew on demand. Each change is audited and
 * mailed as a security notice.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class SecondFactors {

    /** What the page shows to add an authenticator app: the QR code, and the same secret as text to type. */
    public record Enrolment(String factorId, String typedSecret, String otpauthUri, String qrSvg) {
    }

    static final int NAME_LENGTH = 100;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    FactorSecrets secrets;

    @Inject
    CurrentPassword passwordCheck;

    @Inject
    AuditLog audit;

    @Inject
    ApplicationEvents events;

    /** The name the authenticator app shows beside the account. */
    @Inject
    @ConfigProperty(name = "portal.vendor.name", defaultValue = "Mon compte")
    String issuer;

    private final TotpCodes codes = new TotpCodes();

    /** The caller's confirmed factors, oldest first. */
    public List<SecondFactor> factors() {
        return em.createNamedQuery(SecondFactor.CONFIRMED_OF_ACCOUNT, SecondFactor.class)
                .setParameter("accountId", callerId()).getResultList();
    }

    /** How many of the caller's recovery codes are left. */
    public int recoveryCodesLeft() {
        return em.createNamedQuery(RecoveryCode.UNUSED_OF_ACCOUNT, RecoveryCode.class)
                .setParameter("accountId", callerId()).getResultList().size();
    }

    /**
     * A new secret for an authenticator app, kept sealed until a first code confirms it; one started earlier and
     * never confirmed is dropped.
     */
    public Enrolment startAuthenticatorApp() {
        UserAccount account = caller();
        Instant now = clock.instant();
        em.createNamedQuery(SecondFactor.UNCONFIRMED_OF_ACCOUNT, SecondFactor.class)
                .setParameter("accountId", account.getId()).getResultStream().forEach(em::remove);
        byte[] secret = TotpCodes.newSecret();
        SecondFactor factor = SecondFactor.authenticatorApp(account.getId(), secrets.seal(secret), now);
        em.persist(factor);
        String uri = TotpCodes.otpauthUri(issuer, account.getEmail(), secret);
        return new Enrolment(factor.getId(), TotpCodes.typed(secret), uri, QrCodes.svg(uri, 200));
    }

    /**
     * Confirms the app being added with a first code and names it. The first factor of an account comes with its ten
     * recovery codes, returned here to be shown once; later ones return none.
     *
     * @throws NotFound        no app of the caller's is being added under this id
     * @throws FieldsRefused   {@code name}: required, at most 100 printable characters; {@code code}: not a current
     *                         code of that app ({@code secondFactor.codeWrong})
     * @throws PortalException {@code password.currentWrong}, {@code password.tooManyAttempts}: the current password
     *                         is asked again, as for removing an app
     */
    public List<String> confirmAuthenticatorApp(String factorId, String name, String code, String currentPassword,
                                                String sourceAddress) {
        UserAccount account = caller();
        SecondFactor unlocked = factorId == null || factorId.length() > 36 ? null
                : em.find(SecondFactor.class, factorId);
        if (unlocked == null || unlocked.getAccountId() != account.getId() || unlocked.isConfirmed()) {
            throw new NotFound();
        }
        // Someone holding a stolen session must not make the account theirs by adding their own app.
        passwordCheck.check(account, currentPassword, sourceAddress);
        SecondFactor factor = em.find(SecondFactor.class, factorId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null || factor.isConfirmed()) {
            throw new NotFound();
        }
        String named = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (named.isEmpty()) {
            throw new FieldsRefused(List.of(new Problem("name", "secondFactor.name.required")));
        }
        if (named.length() > NAME_LENGTH || named.codePoints().anyMatch(Character::isISOControl)) {
            throw new FieldsRefused(List.of(new Problem("name", "secondFactor.name.invalid")));
        }
        Instant now = clock.instant();
        OptionalLong step = codes.accepted(secrets.open(factor.getSecretSealed()), code, now, 0);
        if (step.isEmpty()) {
            throw new FieldsRefused(List.of(new Problem("code", "secondFactor.codeWrong")));
        }
        factor.confirm(named, step.getAsLong(), now);
        audit.record(account.getId(), "SECOND_FACTOR_ADDED", UserAccount.AUDIT_TARGET, account.getId(), null,
                "kind=TOTP, name=" + named, sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.SECOND_FACTOR_ADDED, account.getId(),
                account.getId(), now));
        return recoveryCodesLeft() == 0 ? newRecoveryCodes(account, now) : List.of();
    }

    /**
     * Removes one of the caller's factors, their current password asked again (a wrong one counts toward the
     * lockout). Without any factor left, the recovery codes go too.
     *
     * @throws NotFound        not a factor of the caller's
     * @throws PortalException {@code password.currentWrong}, {@code password.tooManyAttempts}
     */
    public void remove(String factorId, String currentPassword, String sourceAddress) {
        UserAccount account = caller();
        SecondFactor unlocked = factorId == null || factorId.length() > 36 ? null
                : em.find(SecondFactor.class, factorId);
        if (unlocked == null || unlocked.getAccountId() != account.getId() || !unlocked.isConfirmed()) {
            throw new NotFound();
        }
        // The password first: a wrong one locks the account's row (in a transaction of its own), and the sign-in's
        // second step takes the account's row before its factors; never the other way round.
        passwordCheck.check(account, currentPassword, sourceAddress);
        SecondFactor factor = em.find(SecondFactor.class, factorId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            throw new NotFound();
        }
        em.remove(factor);
        em.flush();
        if (factors().isEmpty()) {
            em.createNamedQuery(RecoveryCode.DELETE_OF_ACCOUNT).setParameter("accountId", account.getId())
                    .executeUpdate();
        }
        Instant now = clock.instant();
        audit.record(account.getId(), "SECOND_FACTOR_REMOVED", UserAccount.AUDIT_TARGET, account.getId(),
                "kind=" + factor.getKind() + ", name=" + factor.getName(), null, sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.SECOND_FACTOR_REMOVED, account.getId(),
                account.getId(), now));
    }

    /**
     * Ten new recovery codes, shown once; the earlier ones stop working.
     *
     * @throws PortalException {@code secondFactor.none.refused} without a factor, {@code password.currentWrong},
     *                         {@code password.tooManyAttempts}
     */
    public List<String> regenerateRecoveryCodes(String currentPassword, String sourceAddress) {
        UserAccount account = caller();
        if (factors().isEmpty()) {
            throw new PortalException("secondFactor.none.refused");
        }
        passwordCheck.check(account, currentPassword, sourceAddress);
        Instant now = clock.instant();
        em.createNamedQuery(RecoveryCode.DELETE_OF_ACCOUNT).setParameter("accountId", account.getId())
                .executeUpdate();
        List<String> made = newRecoveryCodes(account, now);
        audit.record(account.getId(), "RECOVERY_CODES_REGENERATED", UserAccount.AUDIT_TARGET, account.getId(), null,
                null, sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.RECOVERY_CODES_REGENERATED, account.getId(),
                account.getId(), now));
        return made;
    }

    /** How many second factors a person has: what an operator sees before a reset. */
    @RolesAllowed(Roles.OPERATOR)
    public int factorsOf(long userId) {
        return em.createNamedQuery(SecondFactor.CONFIRMED_COUNT, Long.class).setParameter("accountId", userId)
                .getSingleResult().intValue();
    }

    /**
     * An operator resets the second factor of a person who lost every factor (issue 20, point 4): their apps and
     * recovery codes are removed, the reset is audited and the person mailed; they sign in with their password alone
     * and add an app again. Who asked, and how the operator made sure it was them, is the operator's procedure.
     *
     * @return how many factors were removed
     * @throws NotFound        no such person
     * @throws PortalException {@code secondFactor.resetOperator}: an operator's, their own included, is not reset
     *                         this way
     */
    @RolesAllowed(Roles.OPERATOR)
    public int resetFor(long userId, String sourceAddress) {
        UserAccount person = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null) {
            throw new NotFound();
        }
        if (person.isOperator()) {
            // One operator's session must not take every other operator's second factor away, nor their own.
            throw new PortalException("secondFactor.resetOperator");
        }
        List<SecondFactor> all = em.createQuery("select f from SecondFactor f where f.accountId = :accountId",
                SecondFactor.class).setParameter("accountId", userId).getResultList();
        long confirmed = all.stream().filter(SecondFactor::isConfirmed).count();
        all.forEach(em::remove);
        em.createNamedQuery(RecoveryCode.DELETE_OF_ACCOUNT).setParameter("accountId", userId).executeUpdate();
        Instant now = clock.instant();
        audit.record(callerId(), "SECOND_FACTOR_RESET", UserAccount.AUDIT_TARGET, userId,
                "factors=" + confirmed, null, sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.SECOND_FACTOR_RESET, callerId(), userId, now));
        return (int) confirmed;
    }

    private List<String> newRecoveryCodes(UserAccount account, Instant now) {
        List<String> made = RecoveryCodes.generate();
        made.forEach(code -> em.persist(new RecoveryCode(account.getId(), RecoveryCodes.hash(code), now)));
        return made;
    }

    private UserAccount caller() {
        return em.find(UserAccount.class, callerId());
    }

    private long callerId() {
        return Long.parseLong(session.getCallerPrincipal().getName());
    }
}
