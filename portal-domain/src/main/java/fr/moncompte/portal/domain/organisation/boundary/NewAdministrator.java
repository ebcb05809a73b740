package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.account.entity.Language;

/** The first administrator of a new customer account or firm: invited to choose a password, in their language. */
public record NewAdministrator(String firstName, String lastName, String email, Language language) {
}
