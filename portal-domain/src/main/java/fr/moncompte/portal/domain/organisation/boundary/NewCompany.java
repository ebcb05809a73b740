package fr.moncompte.portal.domain.organisation.boundary;

import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;

/**
 * A company as an operator creates it (Back-office › Clients, issue 21): its SIREN, which is its identity, and the
 * legal and contact data its administrators may edit later.
 */
public record NewCompany(String siren, String legalName, String legalForm, String siret, String vatNumber,
                         String addressLine, String postalCode, String city, String contactEmail,
                         String contactPhone) {

    public CompanyDetails details() {
        return new CompanyDetails(legalName, legalForm, siret, vatNumber, addressLine, postalCode, city, contactEmail,
                contactPhone);
    }
}
