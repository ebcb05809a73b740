package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.billing.invoice.boundary.InvoiceDocument;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceFilter;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceOrder;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code /invoices/archive.zip}: the Factur-X PDFs of the invoices a filtered list shows (issue 21), for an
 * accountant's period, with the same parameters as the CSV ({@code company, from, to, state, payment}); each PDF is
 * made and written in turn, a chunk of invoices read at a time, so an archive of a year holds one PDF in memory at
 * once. In the caller's scope ({@link Invoices}), each download logged as a single PDF's is.
 */
@WebServlet("/invoices/archive.zip")
public class InvoicesArchive extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Invoices invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        InvoiceFilter filter = InvoicesExport.filter(request);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"factures-" + period(filter) + ".zip\"");
        response.setHeader("Cache-Control", "private, no-store");
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            for (int first = 0; ; first += CsvExport.CHUNK) {
                List<Invoice> chunk = invoices.find(filter, InvoiceOrder.ISSUE_DATE, true, first, CsvExport.CHUNK);
                for (Invoice invoice : chunk) {
                    InvoiceDocument document = invoices.pdf(invoice.getId(), request.getRemoteAddr());
                    zip.putNextEntry(new ZipEntry(document.number() + ".pdf"));
                    zip.write(document.pdf());
                    zip.closeEntry();
                }
                if (chunk.size() < CsvExport.CHUNK) {
                    break;
                }
            }
        }
    }

    private static String period(InvoiceFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return LocalDate.now().toString();
        }
        return (filter.from() == null ? "" : filter.from().toString()) + "_"
                + (filter.to() == null ? "" : filter.to().toString());
    }
}
