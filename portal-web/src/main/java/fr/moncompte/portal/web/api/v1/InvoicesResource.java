package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.invoice.boundary.InvoiceDocument;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.billing.invoice.entity.Invoice;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "Factures": an invoice or credit note the caller may see (SPEC §5), and its Factur-X PDF, through {@link Invoices}
 * as the pages; an operator's read and download are logged there.
 */
@Path("invoices")
@Tag(name = "Invoices")
@SecurityRequirement(name = PortalApi.BEARER)
public class InvoicesResource {

    @EJB
    Invoices invoices;

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
