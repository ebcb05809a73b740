package fr.moncompte.portal.domain.account.boundary;

import fr.moncompte.portal.domain.account.entity.Language;

/** What a message to a person needs: where to send it, how to greet them, which language to write in. */
public record Recipient(long accountId, String email, String firstName, String lastName, Language language) {
}
