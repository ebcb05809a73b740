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
import fr.moncompte.portal.domain.account.control.AttemptLedger;
import fr.moncompte.portal.domain.secondfactor.control.FactorCodes;
import fr.moncompte.portal.domain.secondfactor.control.FactorSecrets;
import fr.moncompte.portal.domain.secondfactor.control.Passkeys;
import fr.moncompte.portal.domain.secondfactor.control.SecondFactorPolicy;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Mon compte › Sécurité › the second factor (issue 20): the person adds an authenticator app (a QR code and the
 * secret as text; a first code confirms it) or a passkey (their current password first, then the authenticator's
 * answer), lists their factors with their last use, removes one (their current password, or a code of another
 * factor), and keeps ten recovery codes, shown once and made anew on demand. A person who must use a second factor
 * ({@link SecondFactorPolicy}) keeps at least one. Each change is audited and mailed as a security notice.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class SecondFactors {

    private static final Logger LOG = Logger.getLogger(SecondFactors.class.getName());

    /** What the page shows to add an authenticator app: the QR code, and the same secret as text to type. */
    public record Enrolment(String factorId, String typedSecret, String otpauthUri, String qrSvg) {
    }

    /** A passkey being added: the creation options the browser hands to the authenticator (WebAuthn JSON). */
    public record PasskeyEnrolment(String factorId, String creationOptions) {
    }

    /** How long the person has to answer the authenticator's prompt once a passkey is started. */
    static final Duration PASSKEY_WINDOW = Duration.ofMinutes(5);

    static final int NAME_LENGTH = 100;
    /** Factors of one person, at most: the passkeys are listed in every creation challenge (excludeCredentials). */
    static final int MAX_FACTORS = 20;

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
    Passkeys passkeys;

    @Inject
    SecondFactorPolicy policy;

    @Inject
    FactorCodes factorCodes;

    @Inject
    AttemptLedger ledger;

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
        String named = validName(name);
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

    /** Whether the caller must use a second factor: an operator, or by their customer account's choice. */
    public boolean required() {
        return policy.requires(caller());
    }

    /**
     * Starts adding a passkey, the current password asked first (someone holding a stolen session must not add
     * their own authenticator): the challenge for the browser, kept until the authenticator answers. One started
     * earlier and never finished is dropped.
     *
     * @throws FieldsRefused   {@code name}: required, at most 100 printable characters; {@code password}: required
     * @throws PortalException {@code password.currentWrong}, {@code password.tooManyAttempts},
     *                         {@code secondFactor.tooMany} (twenty factors already)
     */
    public PasskeyEnrolment startPasskey(String name, String currentPassword, String sourceAddress) {
        UserAccount account = caller();
        // The name before the authenticator makes anything: a passkey made on the device and then refused here
        // would stay there, offered at every sign-in and working nowhere.
        validName(name);
        if (currentPassword == null || currentPassword.isEmpty()) {
            // Nothing typed is not a wrong password: said, not counted toward the lockout.
            throw new FieldsRefused(List.of(new Problem("password", "password.currentRequired")));
        }
        if (factors().size() >= MAX_FACTORS) {
            throw new PortalException("secondFactor.tooMany");
        }
        passwordCheck.check(account, currentPassword, sourceAddress);
        em.createNamedQuery(SecondFactor.UNCONFIRMED_OF_ACCOUNT, SecondFactor.class)
                .setParameter("accountId", account.getId()).getResultStream().forEach(em::remove);
        Passkeys.Challenge challenge = passkeys.creation(account);
        SecondFactor factor = SecondFactor.passkey(account.getId(), challenge.kept(), clock.instant());
        em.persist(factor);
        return new PasskeyEnrolment(factor.getId(), challenge.forBrowser());
    }

    /**
     * Finishes adding a passkey with the authenticator's answer and names it. The first factor of an account comes
     * with its ten recovery codes, returned here to be shown once.
     *
     * @throws NotFound        no passkey of the caller's is being added under this id, or it was started more than
     *                         five minutes ago
     * @throws FieldsRefused   {@code name}: required, at most 100 printable characters
     * @throws PortalException {@code secondFactor.passkeyRefused}: the answer is not a valid new passkey (another
     *                         origin, another challenge, a passkey already added...)
     */
    public List<String> confirmPasskey(String factorId, String name, String answer, String sourceAddress) {
        UserAccount account = caller();
        SecondFactor factor = factorId == null || factorId.length() > 36 ? null
                : em.find(SecondFactor.class, factorId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (factor == null || factor.getAccountId() != account.getId() || factor.isConfirmed()
                || factor.getKind() != SecondFactor.Kind.PASSKEY
                || factor.getCreatedAt().plus(PASSKEY_WINDOW).isBefore(now)) {
            throw new NotFound();
        }
        String named = validName(name);
        if (answer == null || answer.length() > 16_000) {
            throw new PortalException("secondFactor.passkeyRefused");
        }
        Passkeys.Created created;
        try {
            created = passkeys.created(factor.getPendingRequest(), answer);
        } catch (Passkeys.Refused refused) {
            LOG.info(() -> "Passkey of account " + account.getId() + " refused: " + refused.getMessage());
            throw new PortalException("secondFactor.passkeyRefused");
        }
        if (!em.createNamedQuery(SecondFactor.BY_CREDENTIAL, SecondFactor.class)
                .setParameter("credentialId", created.credentialId()).getResultList().isEmpty()) {
            throw new PortalException("secondFactor.passkeyRefused");
        }
        factor.confirmPasskey(named, created.credentialId(), created.publicKeyCose(), created.signatureCount(),
                created.transports(), now);
        audit.record(account.getId(), "SECOND_FACTOR_ADDED", UserAccount.AUDIT_TARGET, account.getId(), null,
                "kind=PASSKEY, name=" + named, sourceAddress);
        events.publish(DomainEvent.aboutAccount(AccountEventType.SECOND_FACTOR_ADDED, account.getId(),
                account.getId(), now));
        return recoveryCodesLeft() == 0 ? newRecoveryCodes(account, now) : List.of();
    }

    /**
     * Removes one of the caller's factors. The caller proves it is them with their current password (a wrong one
     * counts toward the lockout), or with a code of another factor: another authenticator app's, or a recovery code
     * (a wrong one counts too). Without any factor left, the recovery codes go too.
     *
     * @throws NotFound        not a factor of the caller's
     * @throws PortalException {@code password.currentWrong}, {@code password.tooManyAttempts},
     *                         {@code secondFactor.proofWrong} (a code that is not one of another factor's),
     *                         {@code secondFactor.lastRequired} (the caller must keep a second factor)
     */
    public void remove(String factorId, String proof, String sourceAddress) {
        UserAccount account = caller();
        SecondFactor unlocked = factorId == null || factorId.length() > 36 ? null
                : em.find(SecondFactor.class, factorId);
        if (unlocked == null || unlocked.getAccountId() != account.getId() || !unlocked.isConfirmed()) {
            throw new NotFound();
        }
        if (factors().size() == 1 && policy.requires(account)) {
            throw new PortalException("secondFactor.lastRequired");
        }
        if (factors().size() == 1 && policy.requires(account)) {
            throw new PortalException("secondFactor.lastRequired"); // said before any proof is asked
        }
        // The proof first: a wrong one locks the account's row (in a transaction of its own), and the sign-in's
        // second step takes the account's row before its factors; never the other way round.
        if (account.isLockedAt(clock.instant())) {
            throw new PortalException("password.tooManyAttempts");
        }
        if (FactorCodes.isSixDigits(proof)) {
            // Six digits are never a password (at least 12 characters): an app's code, and only that.
            if (!ledger.spendProof(account.getId(), of -> factorCodes.spend(of, proof.strip(), sourceAddress,
                    factorId), true, sourceAddress)) {
                throw new PortalException("secondFactor.proofWrong");
            }
        } else if (!FactorCodes.hasRecoveryCodeShape(proof) || !ledger.spendProof(account.getId(),
                of -> factorCodes.spend(of, proof.strip(), sourceAddress, factorId), false, sourceAddress)) {
            // A password may have the shape of a recovery code: when no such code matched, it is checked as the
            // password, and counted once if wrong.
            passwordCheck.check(account, proof, sourceAddress);
        }
        // Under the account's row lock, so that two removals at once cannot take away the last factor of a person
        // who must keep one.
        em.find(UserAccount.class, account.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (factors().size() <= 1 && policy.requires(account)) {
            throw new PortalException("secondFactor.lastRequired");
        }
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

    private static String validName(String name) {
        String named = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (named.isEmpty()) {
            throw new FieldsRefused(List.of(new Problem("name", "secondFactor.name.required")));
        }
        if (named.length() > NAME_LENGTH || named.codePoints().anyMatch(Character::isISOControl)) {
            throw new FieldsRefused(List.of(new Problem("name", "secondFactor.name.invalid")));
        }
        return named;
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
