package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.invoice.boundary.InvoiceFilter;
import fr.moncompte.portal.billing.invoice.boundary.InvoiceOrder;
import fr.moncompte.portal.billing.invoice.boundary.Invoices;
import fr.moncompte.portal.domain.ResultPage;
import fr.moncompte.portal.domain.catalogue.boundary.Catalogue;
import fr.moncompte.portal.domain.catalogue.entity.Application;
import fr.moncompte.portal.domain.catalogue.entity.ConfiguredApplication;
import fr.moncompte.portal.domain.organisation.boundary.CompanyDirectory;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.ListPage;
import fr.moncompte.portal.web.api.Paging;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * "Entreprises": the companies in the caller's scope (SPEC §4 rule 1), for administrators and operators, through
 * {@link CompanyDirectory} as the pages; a company outside the scope answers 404 like an unknown one.
 */
@Path("companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies")
@SecurityRequirement(name = PortalApi.BEARER)
public class CompaniesResource {

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    /** For the OpenAPI description: a page of companies. */
    @Schema(name = "CompanyPage")
    public static class CompanyPage extends PageSchema {
        public List<Views.CompanySummary> items;
    }

    /** For the OpenAPI description: a page of members. */
    @Schema(name = "MemberPage")
    public static class MemberPage extends PageSchema {
        public List<Views.Member> items;
    }

    /** For the OpenAPI description: a page of invoices. */
    @Schema(name = "InvoicePage")
    public static class InvoicePage extends PageSchema {
        public List<Views.InvoiceSummary> items;
    }

    @EJB
    CompanyDirectory scope;

    @EJB
    Invoices invoices;

    @EJB
    Catalogue catalogue;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The companies in the caller's scope, by name",
            description = "Client administrators: their account's companies; the firm's: its portfolio; operators:"
                    + " all. 'search' matches the start of the name or the SIREN.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CompanyPage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: users who administer nothing",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ListPage<Views.CompanySummary> companies(
            @QueryParam("search") String search,
            @QueryParam("page") @Parameter(description = "From 1") String page,
            @QueryParam("size") @Parameter(description = "1 to 100") String size) {
        Paging paging = Paging.of(page, size);
        ResultPage<Company> found = scope.companies(search, CompanyDirectory.CompanyOrder.NAME, true,
                paging.first(), paging.size());
        return ListPage.of(found.rows().stream().map(Views.CompanySummary::of).toList(), paging, found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A company's legal and contact data")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.CompanyDetail.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: unknown, or outside the caller's scope",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Views.CompanyDetail company(@PathParam("id") long id) {
        return Views.CompanyDetail.of(scope.company(id), scope.whyReadOnly(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.CompanyChange.class)))
    @Operation(summary = "Change a company's legal and contact data (its administrators, as on its page)",
            description = "Every field is sent, as the page's form does: legalName, legalForm, siret, vatNumber,"
                    + " addressLine, postalCode, city, contactEmail, contactPhone. The SIREN never changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Views.CompanyDetail.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden (operators, users), companies.readOnly (a"
            + " company billed through its firm, for the client's administrator: the firm changes it)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: unknown, or outside the caller's scope",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused, one entry per refused field in 'errors'",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Views.CompanyDetail update(@PathParam("id") long id, Views.CompanyChange change) {
        if (change == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        return Views.CompanyDetail.of(scope.updateCompany(id, change.details(), request.getRemoteAddr()),
                scope.whyReadOnly(id));
    }

    @GET
    @Path("{id}/applications")
    @Operation(summary = "The applications configured on a company (the ones access can be granted to)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(
            implementation = Views.ConfiguredApplicationView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<Views.ConfiguredApplicationView> applications(@PathParam("id") long id) {
        Locale locale = ApiLanguage.of(headers);
        LocalDate today = LocalDate.now(clock);
        return scope.applications(id).stream().map(c -> Views.ConfiguredApplicationView.of(c, locale, today))
                .toList();
    }

    /** An application to configure on a company, over a period. */
    public record ConfigurationRequest(@Schema(required = true, example = "COMPTA") String applicationCode,
                                       @Schema(required = true, format = "date") LocalDate startDate,
                                       @Schema(format = "date", description = "Absent: open-ended") LocalDate endDate) {
    }

    /** The last day an application stays configured. */
    public record ConfigurationEnd(@Schema(format = "date", description = "Absent: open-ended again")
                                   LocalDate endDate) {
    }

    @POST
    @Path("{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Configure an application of the catalogue on a company over a period (operators)",
            description = "What the company is billed for and what its administrators may grant, as on the"
                    + " company's page.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(
            implementation = Views.ConfiguredApplicationView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: no such company or application",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "configuration.inactive, configuration.overlap;"
            + " api.fieldsRefused (start missing, end before start)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response configure(@PathParam("id") long id, ConfigurationRequest configuration) {
        if (configuration == null || configuration.applicationCode() == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        ConfiguredApplication configured = catalogue.configure(id, configuration.applicationCode(),
                configuration.startDate(), configuration.endDate(), request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(Views.ConfiguredApplicationView.of(configured,
                ApiLanguage.of(headers), LocalDate.now(clock))).build();
    }

    @PUT
    @Path("{id}/applications/{configurationId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the last day an application is configured on a company (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(
            implementation = Views.ConfiguredApplicationView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: no such configuration on this company",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "configuration.overlap; api.fieldsRefused (end before start)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Views.ConfiguredApplicationView end(@PathParam("id") long id,
                                               @PathParam("configurationId") long configurationId,
                                               ConfigurationEnd end) {
        if (end == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        ConfiguredApplication configured = catalogue.end(id, configurationId, end.endDate(),
                request.getRemoteAddr());
        return Views.ConfiguredApplicationView.of(configured, ApiLanguage.of(headers), LocalDate.now(clock));
    }

    @GET
    @Path("{id}/users")
    @Operation(summary = "The people of a company, each with the applications they may open on it, by name")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MemberPage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ListPage<Views.Member> users(@PathParam("id") long id, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        List<CompanyDirectory.MemberAccess> members = scope.access(id);
        List<Views.Member> shown = members.stream().skip(paging.first()).limit(paging.size())
                .map(m -> new Views.Member(Views.UserSummary.of(m.user()),
                        m.applications().stream().map(Application::getCode).toList()))
                .toList();
        return ListPage.of(shown, paging, members.size());
    }

    @GET
    @Path("{id}/invoices")
    @Operation(summary = "A company's invoices and credit notes the caller may see, newest first",
            description = "Those billed to an account the caller administers (a company billed through its firm:"
                    + " the firm's administrators), all of them for operators.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvoicePage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ListPage<Views.InvoiceSummary> invoices(@PathParam("id") long id, @QueryParam("page") String page,
                                                  @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        scope.company(id);
        InvoiceFilter filter = InvoiceFilter.ALL.forCompany(id);
        return ListPage.of(invoices.find(filter, InvoiceOrder.ISSUE_DATE, false, paging.first(), paging.size())
                .stream().map(Views.InvoiceSummary::of).toList(), paging, invoices.count(filter));
    }
}
