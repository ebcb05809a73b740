package fr.moncompte.portal.domain.billable.boundary;

/** A legal person as an invoice names it: seller or buyer, with its identifiers and postal address. */
public record Party(String name, String siren, String vatNumber, String addressLine, String postalCode, String city,
                    String country) {
}
