package fr.moncompte.portal.web.invoices;

import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceDocument;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /invoices/pdf?id=…}: the Factur-X PDF of an invoice or credit note in the caller's scope, as a download named
 * after its number. Out of scope, unknown or malformed ids are all the same 404, so an id tells nothing.
 */
@WebServlet("/invoices/pdf")
public class InvoicePdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    transient Invoices invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        InvoiceDocument document;
        try {
            document = invoices.pdf(NotFoundAnswer.idOf(request.getParameter("id")), request.getRemoteAddr());
        } catch (NotFound unknown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + document.number() + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(document.pdf().length);
        response.getOutputStream().write(document.pdf());
    }
}
