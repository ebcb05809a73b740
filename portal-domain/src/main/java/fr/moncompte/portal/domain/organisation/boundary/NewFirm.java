package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.account.entity.Language;

/**
 * A new accounting firm (issue 21): its identity and address as the invoices of the companies it is billed for name
 * it, the language of those invoices, and its first administrator.
 */
public record NewFirm(String name, String siren, String vatNumber, String addressLine, String postalCode, String city,
                      String contactEmail, Language billingLanguage, NewAdministrator administrator) {
}
