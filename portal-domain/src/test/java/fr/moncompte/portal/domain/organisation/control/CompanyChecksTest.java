package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.organisation.entity.CompanyDetails;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompanyChecksTest {

    static final String SIREN = "732829320";

    @Test
    void cleans_what_was_typed() {
        CompanyDetails checked = CompanyChecks.check(new CompanyDetails(" Boulangerie Martin SARL ", "SARL",
                "732 829 320 00074", "fr44 732829320", "12 rue des Fours", "69002", "Lyon", " contact@martin.example ",
                "04 78 00 00 01"), SIREN);
        assertEquals(new CompanyDetails("Boulangerie Martin SARL", "SARL", "73282932000074", "FR44732829320",
                "12 rue des Fours", "69002", "Lyon", "contact@martin.example", "+33478000001"), checked);
    }

    @Test
    void reports_every_wrong_field_at_once() {
        CompanyChecks.Refused refused = assertThrows(CompanyChecks.Refused.class, () -> CompanyChecks.check(
                new CompanyDetails(" ", "SARL", "44306184100047", "FR45732829320", null, "6900", "Lyon",
                        "pas une adresse", "12"), SIREN));
        assertEquals(List.of(
                new CompanyChecks.Problem("legalName", "companies.legalName.required"),
                new CompanyChecks.Problem("siret", "siret.otherCompany"),
                new CompanyChecks.Problem("vatNumber", "vat.otherCompany"),
                new CompanyChecks.Problem("postalCode", "companies.postalCode.invalid"),
                new CompanyChecks.Problem("contactEmail", "email.invalid"),
                new CompanyChecks.Problem("contactPhone", "phone.invalid")), refused.problems());
    }

    @Test
    void refuses_a_name_longer_than_the_column() {
        CompanyChecks.Refused refused = assertThrows(CompanyChecks.Refused.class, () -> CompanyChecks.check(
                new CompanyDetails("x".repeat(201), "SAS", null, null, null, null, null, null, null), SIREN));
        assertEquals(List.of(new CompanyChecks.Problem("legalName", "companies.tooLong")), refused.problems());
    }
}
