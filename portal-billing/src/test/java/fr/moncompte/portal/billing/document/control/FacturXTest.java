package fr.moncompte.portal.billing.document.control;

import fr.moncompte.portal.billing.invoice.control.InvoiceComputation;
import fr.moncompte.portal.billing.invoice.control.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.BillableCompany;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FacturXTest {

    @Test
    void anInvoiceIsAValidFacturXDocumentOfProfileEn16931() throws Exception {
        byte[] pdf = FacturX.render(Invoices.issued(Language.FR), null);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "F2026-000042.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
        assertTrue(report.contains("EN16931") || report.contains("en16931"), report);
    }

    @Test
    void thePageCarriesTheMentionsFrenchLawRequiresInTheAccountsLanguage() throws Exception {
        String french = text(FacturX.render(Invoices.issued(Language.FR), null));
        for (String mention : new String[]{"Facture F2026-000042", "Inexweb SAS", "SIREN 732829320",
                "N° TVA intracommunautaire FR44732829320", "Boulangerie Martin SARL", "SIREN 443061841",
                "Date d'émission", "1 novembre 2026", "Date d'échéance", "1 décembre 2026", "Période de service",
                "1 octobre 2026 – 31 octobre 2026", "Qté", "P.U. HT", "20 %", "Total HT", "44,49 €", "8,90 €",
                "53,39 €", "Paiement à 30 jours", "Pas d'escompte", "40 €", "RCS Lyon"}) {
            assertTrue(french.contains(mention), mention + " missing from:\n" + french);
        }
        String english = text(FacturX.render(Invoices.issued(Language.EN), null));
        for (String mention : new String[]{"Invoice F2026-000042", "Issue date", "1 November 2026",
                "Total incl. VAT", "€53.39", "No discount for early payment", "€40"}) {
            assertTrue(english.contains(mention), mention + " missing from:\n" + english);
        }
    }

    @Test
    void theEmbeddedXmlIsTheCrossIndustryInvoiceWithOurTotals() throws Exception {
        byte[] pdf = FacturX.render(Invoices.issued(Language.FR), null);
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("factur-x.xml"), "the XML is attached under its Factur-X name");
    }

    @Test
    void aNameTheFontCannotDrawStillGetsAValidInvoice() throws Exception {
        BillableCompany odd = Invoices.company(Language.FR);
        BillableCompany renamed = new BillableCompany(odd.companyId(), "Caf\u00e9 \uD83C\uDF70 \u5317\u4eac\u0082 SAS",
                odd.companySiren(), odd.billingAccountId(), odd.language(), odd.buyer(), odd.subscriptions(),
                odd.seats());
        Invoice invoice = new Invoice(1002, "F2026-000043", InvoiceComputation.invoice(renamed, YearMonth.of(2026, 10),
                LocalDate.of(2026, 11, 1), Invoices.TERMS), Instant.now());

        byte[] pdf = FacturX.render(invoice, null);

        assertTrue(text(pdf).contains("Entreprise concernée : Café ? ??  SAS"), text(pdf));
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "F2026-000043.pdf");
        assertTrue(validator.wasCompletelyValid(), report);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
        }
    }
}
