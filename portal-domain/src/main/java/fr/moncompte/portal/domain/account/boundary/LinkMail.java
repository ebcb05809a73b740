package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.account.entity.LinkPurpose;

import java.time.Instant;

/**
 * What the notifications module needs to write a link's mail: the token (only ever in the mail), its purpose and
 * expiry, and for an e-mail change the new address (where the link goes) and the previous one (which is told).
 */
public record LinkMail(String token, LinkPurpose purpose, Instant expiresAt, String newEmail, String previousEmail) {

    @Override
    public String toString() {
        return "LinkMail[" + purpose + ", expires " + expiresAt + "]"; // never the token, e.g. in a log line
    }
}
