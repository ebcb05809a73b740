package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.invoice.boundary.CreditNotes;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceDocument;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceFilter;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceOrder;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.billing.invoice.entity.InvoiceState;
import fr.moncompte.portal.billing.invoice.entity.PaymentState;
import fr.moncompte.portal.billing.payment.entity.PaymentEvent;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.ListPage;
import fr.moncompte.portal.web.api.Paging;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import fr.moncompte.portal.web.api.QueryValue;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * "Factures": an invoice or credit note the caller may see (SPEC §5), and its Factur-X PDF, through {@link Invoices}
 * as the pages; an operator's read and download are logged there.
 */
@Path("invoices")
@Tag(name = "Invoices")
@SecurityRequirement(name = PortalApi.BEARER)
public class InvoicesResource {

    /** A credit note to issue on an invoice (operators, as on the invoice's page). */
    public record CreditNoteRequest(@Schema(description = "The amount to credit excluding VAT, in euros to the"
                                            + " cent; absent credits everything not credited yet", example = "20.00")
                                    BigDecimal amountExcludingVat,
                                    @Schema(required = true, maxLength = 500, description = "Why, printed on the"
                                            + " credit note") String reason) {
    }

    /** One payment, failed payment or refund recorded on an invoice. */
    public record PaymentEventView(String kind, BigDecimal amount, LocalDate occurredOn, String reference,
                                   Instant recordedAt) {
        static PaymentEventView of(PaymentEvent event) {
            return new PaymentEventView(event.getKind().name(), event.getAmount(), event.getOccurredOn(),
                    event.getReference(), event.getRecordedAt());
        }
    }

    @EJB
    Invoices invoices;

    @EJB
    CreditNotes creditNotes;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The invoices and credit notes the caller may see, on all their companies (Factures)",
            description = "Client administrators: those billed to their account; the firm's: those billed to it;"
                    + " operators: all. Filtered as on the page: a company, the billed months from and to, the"
                    + " invoice's state and its payment state.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(
            implementation = CompaniesResource.InvoicePage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid, api.parameter.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: users who administer nothing",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ListPage<Views.InvoiceSummary> list(
            @QueryParam("company") @Parameter(description = "A company's id") String company,
            @QueryParam("from") @Parameter(description = "First billed month, e.g. 2026-01") String from,
            @QueryParam("to") @Parameter(description = "Last billed month, e.g. 2026-12") String to,
            @QueryParam("state") @Parameter(description = "ISSUED or CREDITED") String state,
            @QueryParam("paymentState") @Parameter(description = "PENDING, PAID, OVERDUE, FAILED or REFUNDED")
            String paymentState,
            @QueryParam("sort") @Parameter(description = "ISSUE_DATE (default), NUMBER, COMPANY, TOTAL, DUE_DATE,"
                    + " PAYMENT_STATE") String sort,
            @QueryParam("ascending") @Parameter(description = "true for the oldest first") boolean ascending,
            @QueryParam("page") @Parameter(description = "From 1") String page,
            @QueryParam("size") @Parameter(description = "1 to 100") String size) {
        Paging paging = Paging.of(page, size);
        InvoiceFilter filter = new InvoiceFilter(QueryValue.number("company", company),
                QueryValue.month("from", from), QueryValue.month("to", to),
                QueryValue.constant("state", InvoiceState.class, state),
                QueryValue.constant("paymentState", PaymentState.class, paymentState));
        InvoiceOrder order = QueryValue.constant("sort", InvoiceOrder.class, sort);
        return ListPage.of(invoices.find(filter, order == null ? InvoiceOrder.ISSUE_DATE : order, ascending,
                        paging.first(), paging.size()).stream().map(Views.InvoiceSummary::of).toList(), paging,
                invoices.count(filter));
    }

    @Context
    HttpServletRequest request;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An invoice or credit note with its lines and what is still due")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.InvoiceDetail.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: users who administer nothing",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: unknown, or not billed to the caller's account",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Views.InvoiceDetail invoice(@PathParam("id") long id) {
        Invoice invoice = invoices.open(id, request.getRemoteAddr());
        return Views.InvoiceDetail.of(invoice, invoices.due(id));
    }

    @GET
    @Path("{id}/payments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payments, failed payments and refunds recorded on an invoice, oldest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaymentEventView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<PaymentEventView> payments(@PathParam("id") long id) {
        return invoices.paymentHistory(id).stream().map(PaymentEventView::of).toList();
    }

    @GET
    @Path("{id}/credit-notes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The credit notes issued on an invoice")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.InvoiceSummary.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<Views.InvoiceSummary> creditNotes(@PathParam("id") long id) {
        return invoices.creditNotes(id).stream().map(Views.InvoiceSummary::of).toList();
    }

    @POST
    @Path("{id}/credit-notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a credit note on an invoice (operators, as on the invoice's page)",
            description = "The credit note has its own number and PDF; the invoice's amount due drops by it.")
    @APIResponse(responseCode = "201", description = "Issued; Location names the credit note",
            content = @Content(schema = @Schema(implementation = Views.InvoiceDetail.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "billing.credit.notCreditable (a credit note, or nothing"
            + " left to credit), billing.credit.amount, billing.credit.reason",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response credit(@PathParam("id") long id, CreditNoteRequest credit, @Context UriInfo uri) {
        if (credit == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Invoice note = creditNotes.issue(id, credit.amountExcludingVat(), credit.reason(), request.getRemoteAddr());
        return Response.created(uri.getBaseUriBuilder().path("invoices/{id}").build(note.getId()))
                .entity(Views.InvoiceDetail.of(note, invoices.due(note.getId()))).build();
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", PortalApi.PROBLEM_JSON})
    @Operation(summary = "The invoice's PDF (Factur-X: the structured invoice travels inside)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "api.forbidden",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("id") long id) {
        InvoiceDocument document = invoices.pdf(id, request.getRemoteAddr());
        return Response.ok(document.pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + document.number() + ".pdf\"")
                .build();
    }
}
