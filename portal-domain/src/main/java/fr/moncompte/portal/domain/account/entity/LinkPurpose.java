package fr.moncompte.portal.domain.account.entity;

import java.time.Duration;

/** What a one-time link sent by e-mail lets its holder do, and for how long (issue 3, SPEC §3). */
public enum LinkPurpose {
    /** Set the first password of an invited account. */
    INVITATION(Duration.ofDays(7)),
    /** Choose a new password after "Mot de passe oublié ?". */
    PASSWORD_RESET(Duration.ofHours(1)),
    /** Confirm a new e-mail address, which becomes the login. */
    EMAIL_CHANGE(Duration.ofHours(24));

    private final Duration validity;

    LinkPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
