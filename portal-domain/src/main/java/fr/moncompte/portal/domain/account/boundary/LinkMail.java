package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.account.entity.LinkPurpose;

import java.time.Instant;

/**
 * What the notifications module needs to write a link's mail: the token (only ever in the mail), its purpose and
 * expiry, and for an e-mail change the new address (where the link goes) and the previous one (which is told). When
 * the new address already signs in to another account, {@code newEmailOwner} is that account's owner: they get a
 * notice in their language instead of a link, and there is no token.
 */
public record LinkMail(String token, LinkPurpose purpose, Instant expiresAt, String newEmail, String previousEmail,
                       Recipient newEmailOwner) {

    @Override
    public String toString() {
        return "LinkMail[" + purpose + ", expires " + expiresAt + "]"; // never the token, e.g. in a log line
    }
}
