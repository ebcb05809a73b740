package fr.moncompte.portal.billing.document.control;

import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceKind;
import fr.moncompte.portal.billing.invoice.entity.InvoiceLine;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.billable.boundary.Party;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.XmpSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws an invoice or a credit note as a PDF/A-3b page set in the invoice's language: fonts embedded, an sRGB output
 * intent and the PDF/A identification in its XMP, which is what {@link FacturX} needs to embed the XML into.
 * Every legal mention of a French B2B invoice is on it (SPEC §5).
 */
final class InvoicePdf {

    private static final float MARGIN = 48;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float[] INK = {0.13f, 0.13f, 0.13f};
    private static final float[] MUTED = {0.33f, 0.33f, 0.33f};
    private static final float[] RULE = {0.6f, 0.6f, 0.6f};
    /** Column right edges of the lines table, from the left margin. */
    private static final float DESCRIPTION = 0, PERIOD = 300, QUANTITY = 335, UNIT_PRICE = 400, VAT = 435, AMOUNT = WIDTH;

    private final Invoice invoice;
    private final Invoice credited;
    private final Language language;
    private PDDocument document;
    private PDFont regular;
    private PDFont bold;
    private PDPageContentStream page;
    private final List<PDPage> pages = new ArrayList<>();
    private float y;

    private InvoicePdf(Invoice invoice, Invoice credited) {
        this.invoice = invoice;
        this.credited = credited;
        this.language = invoice.getLanguage();
    }

    /** The PDF/A-3b bytes of the invoice; {@code credited} is the invoice a credit note corrects, else absent. */
    static byte[] render(Invoice invoice, Invoice credited) {
        return new InvoicePdf(invoice, credited).draw();
    }

    static String title(Invoice invoice) {
        return DocumentTexts.format(invoice.getLanguage(), "title." + invoice.getKind()) + " " + invoice.getNumber();
    }

    private byte[] draw() {
        try (PDDocument pdf = new PDDocument()) {
            document = pdf;
            regular = font("fonts/SourceSansPro-Regular.ttf");
            bold = font("fonts/SourceSansPro-Bold.ttf");
            newPage();
            header();
            parties();
            lines();
            totals();
            terms();
            page.close();
            footers();
            conformance();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw " + invoice.getNumber(), e);
        }
    }

    private void header() throws IOException {
        Party seller = invoice.seller();
        text(bold, 16, MARGIN, y, seller.name());
        String title = title(invoice);
        text(bold, 16, right(MARGIN + WIDTH, bold, 16, title), y, title);
        y -= 18;
        float top = y;
        for (String line : partyLines(seller)) {
            text(regular, 9, MARGIN, y, line);
            y -= 12;
        }
        text(regular, 9, MARGIN, y, invoice.getSellerLegalMentions());
        y -= 12;
        float left = y;
        y = top;
        labelled(t("issueDate"), DocumentTexts.day(language, invoice.getIssueDate()));
        labelled(t("dueDate"), DocumentTexts.day(language, invoice.getDueDate()));
        labelled(t("servicePeriod"), DocumentTexts.day(language, invoice.getPeriodStart()) + " – "
                + DocumentTexts.day(language, invoice.getPeriodEnd()));
        y = Math.min(y, left) - 14;
    }

    private void labelled(String label, String value) throws IOException {
        float valueX = right(MARGIN + WIDTH, regular, 9, value);
        text(regular, 9, valueX, y, value);
        String colon = label + t("colon");
        text(bold, 9, valueX - 6 - width(bold, 9, colon), y, colon);
        y -= 12;
    }

    private void parties() throws IOException {
        float x = MARGIN + WIDTH / 2;
        text(bold, 10, x, y, t("buyer"));
        y -= 13;
        text(bold, 10, x, y, invoice.buyer().name());
        y -= 12;
        for (String line : partyLines(invoice.buyer())) {
            text(regular, 9, x, y, line);
            y -= 12;
        }
        y -= 6;
        text(regular, 9, MARGIN, y, t("companyServed", invoice.getCompanyName(), invoice.getCompanySiren()));
        y -= 12;
        if (invoice.getKind() == InvoiceKind.CREDIT_NOTE && credited != null) {
            for (String line : wrap(t("terms.creditNote", credited.getNumber(),
                    DocumentTexts.day(language, credited.getIssueDate()), invoice.getCreditReason()), regular, 9, WIDTH)) {
                text(regular, 9, MARGIN, y, line);
                y -= 12;
            }
        }
        y -= 10;
    }

    private List<String> partyLines(Party party) {
        List<String> lines = new ArrayList<>();
        if (party.addressLine() != null) {
            lines.add(party.addressLine());
        }
        String city = ((party.postalCode() == null ? "" : party.postalCode() + " ")
                + (party.city() == null ? "" : party.city())).trim();
        lines.add(city.isEmpty() ? party.country() : city + " (" + party.country() + ")");
        lines.add(t("siren", party.siren()));
        if (party.vatNumber() != null && !party.vatNumber().isBlank()) {
            lines.add(t("vatNumber", party.vatNumber()));
        }
        return lines;
    }

    private void lines() throws IOException {
        tableHeader();
        for (InvoiceLine line : invoice.getLines()) {
            List<String> description = wrap(line.getLabel(), regular, 9, PERIOD - 112);
            float height = 12 * description.size() + 4;
            if (y - height < MARGIN + 40) {
                page.close();
                newPage();
                tableHeader();
            }
            float rowTop = y;
            for (String part : description) {
                text(regular, 9, MARGIN + DESCRIPTION, y, part);
                y -= 12;
            }
            String period = shortDay(line.getPeriodStart()) + " – " + shortDay(line.getPeriodEnd());
            rightText(regular, 9, PERIOD, rowTop, period);
            rightText(regular, 9, QUANTITY, rowTop, DocumentTexts.number(language, line.getQuantity()));
            rightText(regular, 9, UNIT_PRICE, rowTop, DocumentTexts.money(language, line.getUnitPrice()));
            rightText(regular, 9, VAT, rowTop, DocumentTexts.percent(language, invoice.getVatRate()));
            rightText(regular, 9, AMOUNT, rowTop, DocumentTexts.money(language, line.getAmount()));
            y -= 4;
            rule(y + 8);
        }
        y -= 8;
    }

    private String shortDay(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    private void tableHeader() throws IOException {
        text(regular, 8.5f, MARGIN, y, t("table.caption"));
        y -= 14;
        text(bold, 9, MARGIN + DESCRIPTION, y, t("column.description"));
        rightText(bold, 9, PERIOD, y, t("column.period"));
        rightText(bold, 9, QUANTITY, y, t("column.quantity"));
        rightText(bold, 9, UNIT_PRICE, y, t("column.unitPrice"));
        rightText(bold, 9, VAT, y, t("column.vatRate"));
        rightText(bold, 9, AMOUNT, y, t("column.amount"));
        y -= 6;
        rule(y);
        y -= 12;
    }

    private void totals() throws IOException {
        if (y < MARGIN + 140) {
            page.close();
            newPage();
        }
        total(regular, t("total.excludingVat"), invoice.getTotalExcludingVat());
        total(regular, t("total.vat", DocumentTexts.percent(language, invoice.getVatRate())), invoice.getVatAmount());
        total(bold, t("total.includingVat"), invoice.getTotalIncludingVat());
        y -= 14;
    }

    private void total(PDFont font, String label, java.math.BigDecimal amount) throws IOException {
        rightText(font, 10, AMOUNT, y, DocumentTexts.money(language, amount));
        rightText(font, 10, UNIT_PRICE, y, label);
        y -= 14;
    }

    private void terms() throws IOException {
        if (invoice.getKind() == InvoiceKind.CREDIT_NOTE) {
            return; // nothing is due on a credit note: it is deducted or refunded
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(invoice.getIssueDate(), invoice.getDueDate());
        List<String> terms = List.of(
                t("terms.payment", days, DocumentTexts.day(language, invoice.getDueDate())),
                t("terms.discount"),
                t("terms.penalty"));
        for (String term : terms) {
            for (String line : wrap(term, regular, 8.5f, WIDTH)) {
                text(regular, 8.5f, MARGIN, y, line);
                y -= 11;
            }
        }
    }

    private void footers() throws IOException {
        int number = 1;
        for (PDPage each : pages) {
            try (PDPageContentStream footer = new PDPageContentStream(document, each,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String text = invoice.getNumber() + " · " + t("page", number++, pages.size());
                footer.setNonStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
                footer.beginText();
                footer.setFont(regular, 8);
                footer.newLineAtOffset(right(MARGIN + WIDTH, regular, 8, text), MARGIN / 2);
                footer.showText(printable(regular, text));
                footer.endText();
            }
        }
    }

    private void conformance() throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language.code());
        String title = title(invoice);
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
            dublinCore.setTitle(title);
            PDFAIdentificationSchema identification = xmp.createAndAddPDFAIdentificationSchema();
            identification.setPart(3);
            identification.setConformance("B");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(bytes.toByteArray());
            catalog.setMetadata(metadata);
        } catch (Exception e) {
            throw new IOException("Could not write the XMP metadata", e);
        }
        try (InputStream profile = resource("sRGB.icc")) {
            PDOutputIntent intent = new PDOutputIntent(document, profile);
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        }
    }

    private void newPage() throws IOException {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        pages.add(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void rule(float at) throws IOException {
        page.setStrokingColor(RULE[0], RULE[1], RULE[2]);
        page.setLineWidth(0.5f);
        page.moveTo(MARGIN, at);
        page.lineTo(MARGIN + WIDTH, at);
        page.stroke();
    }

    private void text(PDFont font, float size, float x, float at, String text) throws IOException {
        page.setNonStrokingColor(INK[0], INK[1], INK[2]);
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, at);
        page.showText(printable(font, text));
        page.endText();
    }

    private void rightText(PDFont font, float size, float rightEdge, float at, String text) throws IOException {
        text(font, size, right(MARGIN + rightEdge, font, size, text), at, text);
    }

    private static float right(float edge, PDFont font, float size, String text) throws IOException {
        return edge - width(font, size, text);
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    /**
     * The text with what the font cannot draw replaced by "?" (and control characters by spaces): a company named
     * with a character outside the font must still get its invoice, never an error.
     */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint)) {
                out.append(' ');
                return;
            }
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException | IllegalStateException noGlyph) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String t(String key, Object... arguments) {
        return DocumentTexts.format(language, key, arguments);
    }

    /**
     * Each thread keeps its parsed fonts (a parsed font reads its glyphs through one shared stream, so threads do not
     * share them); each document embeds a subset.
     */
    private static final ThreadLocal<java.util.Map<String, TrueTypeFont>> PARSED =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private PDFont font(String name) throws IOException {
        java.util.Map<String, TrueTypeFont> parsed = PARSED.get();
        TrueTypeFont font = parsed.get(name);
        if (font == null) {
            try (InputStream in = resource(name)) {
                font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
            // Without its substitution table: invoices need no ligatures, and PDFBox's GSUB pass (a regular
            // expression per string drawn) was three quarters of a PDF's time.
            font.getTableMap().remove("GSUB");
            parsed.put(name, font);
        }
        return PDType0Font.load(document, font, true);
    }

    /** Fonts (SIL Open Font License) and the sRGB profile come with the Factur-X library. */
    private static InputStream resource(String name) throws IOException {
        InputStream in = org.mustangproject.Invoice.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("No " + name + " next to the Factur-X library");
        }
        return in;
    }
}
