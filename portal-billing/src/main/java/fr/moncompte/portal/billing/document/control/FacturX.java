package fr.moncompte.portal.billing.document.control;

import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.InvoiceLine;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.Party;
import org.mustangproject.IncludedNote;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromPDFA;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

/**
 * An invoice as a Factur-X document (SPEC §5): the PDF/A-3 a person reads, with the CII XML of profile EN 16931 that
 * French e-invoicing platforms read embedded in it. The XML and its embedding are the Mustang library's; this class
 * says what our invoice is in its model. The French mentions (payment terms, no discount, late-payment penalties and
 * the 40 € indemnity) go into the XML too, as notes with their subject codes.
 */
public final class FacturX {

    private static final String SIREN_SCHEME = "0002";
    private static final String UNIT = "C62";

    private FacturX() {
    }

    /**
     * The Factur-X PDF of an invoice or a credit note; {@code credited} is the invoice a credit note corrects, else
     * absent.
     */
    public static byte[] render(fr.moncompte.portal.billing.invoice.entity.Invoice invoice,
                                fr.moncompte.portal.billing.invoice.entity.Invoice credited) {
        byte[] pdf = InvoicePdf.render(invoice, credited);
        try (IZUGFeRDExporter exporter = new ZUGFeRDExporterFromPDFA().load(pdf)) {
            exporter.setProducer("Mon compte");
            exporter.setCreator(invoice.seller().name());
            exporter.setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(transaction(invoice, credited));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not embed the Factur-X XML of " + invoice.getNumber(), e);
        }
    }

    static Invoice transaction(fr.moncompte.portal.billing.invoice.entity.Invoice invoice,
                               fr.moncompte.portal.billing.invoice.entity.Invoice credited) {
        Language language = invoice.getLanguage();
        long days = java.time.temporal.ChronoUnit.DAYS.between(invoice.getIssueDate(), invoice.getDueDate());
        String payment = invoice.getKind() == InvoiceKind.CREDIT_NOTE
                ? DocumentTexts.format(language, "terms.creditNoteSettlement")
                : DocumentTexts.format(language, "terms.payment", days, DocumentTexts.day(language, invoice.getDueDate()));
        Invoice transaction = new Invoice()
                .setNumber(invoice.getNumber())
                .setIssueDate(date(invoice.getIssueDate()))
                .setDueDate(date(invoice.getDueDate()))
                .setDetailedDeliveryPeriod(date(invoice.getPeriodStart()), date(invoice.getPeriodEnd()))
                .setCurrency(invoice.getCurrency())
                .setPaymentTermDescription(payment)
                .setSender(party(invoice.seller()))
                .setRecipient(party(invoice.buyer()));
        transaction.addNotes(List.of(
                new IncludedNote(invoice.getSellerLegalMentions(), SubjectCode.REG),
                new IncludedNote(DocumentTexts.format(language, "terms.discount"), SubjectCode.AAB),
                new IncludedNote(DocumentTexts.format(language, "note.penalties"), SubjectCode.PMD),
                new IncludedNote(DocumentTexts.format(language, "note.indemnity"), SubjectCode.PMT)));
        if (invoice.getKind() == InvoiceKind.CREDIT_NOTE) {
            transaction.setCreditNote();
            if (credited != null) {
                transaction.setInvoiceReferencedDocumentID(credited.getNumber());
                transaction.setInvoiceReferencedIssueDate(date(credited.getIssueDate()));
            }
        }
        BigDecimal vatPercent = invoice.getVatRate().movePointRight(2);
        for (InvoiceLine line : invoice.getLines()) {
            Item item = new Item(new Product(line.getLabel(), "", UNIT, vatPercent), line.getUnitPrice(),
                    line.getQuantity());
            item.setDetailedDeliveryPeriod(date(line.getPeriodStart()), date(line.getPeriodEnd()));
            transaction.addItem(item);
        }
        return transaction;
    }

    private static TradeParty party(Party party) {
        TradeParty trade = new TradeParty(party.name(), party.addressLine() == null ? "" : party.addressLine(),
                party.postalCode() == null ? "" : party.postalCode(), party.city() == null ? "" : party.city(),
                party.country());
        trade.setLegalOrganisation(new LegalOrganisation(party.siren(), SIREN_SCHEME));
        if (party.vatNumber() != null && !party.vatNumber().isBlank()) {
            trade.setVATID(party.vatNumber());
        }
        return trade;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
