package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.domain.catalogue.boundary.Catalogue;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ApplicationDetails;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.moncompte.portal.domain.FieldsRefused;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Back-office › Catalogue: the vendor's applications and their prices, through {@link Catalogue} (operators). */
@Path("catalogue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
@SecurityRequirement(name = PortalApi.BEARER)
public class CatalogueResource {

    /** An application of the catalogue. */
    public record ApplicationView(long id, String code, String nameFr, String nameEn, BigDecimal monthlyCompanyPrice,
                                  BigDecimal monthlySeatPrice, boolean active) {
        static ApplicationView of(Application a) {
            return new ApplicationView(a.getId(), a.getCode(), a.getNameFr(), a.getNameEn(), a.getMonthlyCompanyPrice(),
                    a.getMonthlySeatPrice(), a.isActive());
        }
    }

    /** An application as operators create or change it (every field, as the page's form). */
    public record ApplicationRequest(@Schema(required = true, example = "COMPTA", description = "2 to 10 capital"
                                             + " letters or digits; never changes once created") String code,
                                     @Schema(required = true) String nameFr,
                                     @Schema(required = true) String nameEn,
                                     @Schema(required = true, description = "Euros excluding VAT, per company and"
                                             + " month", example = "29.00") BigDecimal monthlyCompanyPrice,
                                     @Schema(required = true, description = "Euros excluding VAT, per person with"
                                             + " access and month", example = "4.50") BigDecimal monthlySeatPrice,
                                     @Schema(description = "false: no longer configurable (defaults to true)")
                                     Boolean active,
                                     @Schema(example = "2027-01", description = "On a change: the month the new"
                                             + " prices apply from, this one (the default) or a later one")
                                     String pricesFrom) {
        ApplicationDetails details() {
            return new ApplicationDetails(code, nameFr, nameEn, monthlyCompanyPrice, monthlySeatPrice,
                    active == null || active);
        }
    }

    @EJB
    Catalogue catalogue;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The applications of the catalogue, with their prices (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<ApplicationView> applications() {
        return catalogue.applications().stream().map(ApplicationView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An application of the catalogue (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ApplicationView application(@PathParam("id") long id) {
        return ApplicationView.of(catalogue.application(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an application to the catalogue (operators)")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused, one entry per refused field in 'errors'"
            + " (a code taken or malformed, a name missing, a price below zero or with more than two decimals)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response create(ApplicationRequest application, @Context UriInfo uri) {
        if (application == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Application created = catalogue.create(application.details(), request.getRemoteAddr());
        return Response.created(uri.getAbsolutePathBuilder().path("{id}").build(created.getId()))
                .entity(ApplicationView.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an application's names, prices or availability (operators)",
            description = "The code stays what it was (it names the application everywhere; one in the body is"
                    + " ignored). Issued invoices keep the prices they were issued with.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused, one entry per refused field in 'errors'",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ApplicationView update(@PathParam("id") long id, ApplicationRequest application) {
        if (application == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        YearMonth from;
        try {
            from = application.pricesFrom() == null ? null : YearMonth.parse(application.pricesFrom().strip());
        } catch (DateTimeParseException malformed) {
            throw new FieldsRefused(List.of(new FieldsRefused.Problem("pricesFrom", "catalogue.pricesFrom.invalid")));
        }
        return ApplicationView.of(catalogue.update(id, application.details(), from, request.getRemoteAddr()));
    }

    /** An application's prices from a month on. */
    public record PriceView(String from, boolean sinceAlways, BigDecimal monthlyCompanyPrice,
                            BigDecimal monthlySeatPrice) {
    }

    @GET
    @Path("{id}/prices")
    @Operation(summary = "An application's prices by month, newest first; empty while it has always cost what it"
            + " costs now (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PriceView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<PriceView> prices(@PathParam("id") long id) {
        catalogue.application(id);
        return catalogue.prices(id).stream().map(p -> new PriceView(p.getMonth().toString(), p.isSinceAlways(),
                p.getMonthlyCompanyPrice(), p.getMonthlySeatPrice())).toList();
    }
}
