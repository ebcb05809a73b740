package fr.moncompte.portal.domain.organisation.entity;

/**
 * A company's legal and contact data as its administrators edit them ("Entreprises › Informations"). The SIREN is
 * the company's identity and its billing mode a contract matter: neither is edited here.
 */
public record CompanyDetails(String legalName, String legalForm, String siret, String vatNumber, String addressLine,
                             String postalCode, String city, String contactEmail, String contactPhone) {

    public static CompanyDetails of(Company company) {
        return new CompanyDetails(company.getLegalName(), company.getLegalForm(), company.getSiret(),
                company.getVatNumber(), company.getAddressLine(), company.getPostalCode(), company.getCity(),
                company.getContactEmail(), company.getContactPhone());
    }
}
