package fr.moncompte.portal.domain.account.control;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * The current password asked again before a change that matters (the password, the login address, a second factor),
 * checked as a sign-in would check it: a wrong one counts toward the lockout of SPEC §4 rule 6 (in a transaction of
 * its own, kept although the change is refused), and while the account is locked no password is checked at all.
 */
@Dependent
public class CurrentPassword {

    @Inject
    Clock clock;

    @Inject
    PasswordHashing hashing;

    @Inject
    SignInGate gate;

    @Inject
    AttemptLedger ledger;

    /**
     * @throws PortalException {@code password.tooManyAttempts} while the account is locked, {@code
     *                         password.currentWrong} for a wrong password
     */
    public void check(UserAccount account, String typed, String sourceAddress) {
        if (account.isLockedAt(clock.instant())) {
            throw new PortalException("password.tooManyAttempts");
        }
        String password = typed == null ? "" : typed;
        if (!gate.withHash(() -> hashing.matches(password, account.getPasswordHash()))) {
            ledger.recordWrongCurrentPassword(account.getId(), sourceAddress);
            throw new PortalException("password.currentWrong");
        }
    }
}
