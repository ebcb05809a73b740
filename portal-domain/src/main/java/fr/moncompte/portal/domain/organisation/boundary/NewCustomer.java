package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.account.entity.Language;

/**
 * A new client (issue 21): the customer account that receives the invoices (its name, the language its invoices are
 * written in, the address they are mailed to), its first company and its first administrator.
 */
public record NewCustomer(String name, Language billingLanguage, String billingEmail, NewCompany company,
                          NewAdministrator administrator) {
}
