package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.account.entity.AccountLink;
import fr.moncompte.portal.domain.account.entity.LinkPurpose;

import java.time.Instant;

/**
 * What the page behind a one-time link shows: what it is for, whether it can still be used, and the address it is
 * about (the login for a password, the new address for an e-mail change). Only a holder of the whole link sees it.
 */
public record LinkView(LinkPurpose purpose, AccountLink.State state, String email, Instant expiresAt) {

    public boolean usable() {
        return state == AccountLink.State.VALID;
    }
}
