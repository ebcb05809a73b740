package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.organisation.boundary.BillingMoves;
import fr.moncompte.portal.domain.organisation.boundary.ClientHit;
import fr.moncompte.portal.domain.organisation.boundary.NewAdministrator;
import fr.moncompte.portal.domain.organisation.boundary.NewCompany;
import fr.moncompte.portal.domain.organisation.boundary.NewCustomer;
import fr.moncompte.portal.domain.organisation.boundary.NewFirm;
import fr.moncompte.portal.domain.organisation.boundary.Onboarded;
import fr.moncompte.portal.domain.organisation.boundary.Onboarding;
import fr.moncompte.portal.domain.organisation.entity.BillingArrangement;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Back-office › Clients (issue 21), for operators: find accounts, firms, companies and people; create a client (its
 * account, first company and first administrator, invited) or an accounting firm; add a company to an account; move
 * a company's billing from a month on. Through {@link Onboarding} and {@link BillingMoves}, as the pages.
 */
@Path("clients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients")
@SecurityRequirement(name = PortalApi.BEARER)
public class ClientsResource {

    private static final String PROBLEM = "api.forbidden: not an operator";

    /** A company as a client is created with, or added to an account. */
    public record CompanyRequest(@Schema(required = true, example = "732829320") String siren,
                                 @Schema(required = true) String legalName,
                                 @Schema(required = true, example = "SARL") String legalForm,
                                 String siret, String vatNumber, String addressLine, String postalCode, String city,
                                 String contactEmail, String contactPhone) {
        NewCompany company() {
            return new NewCompany(siren, legalName, legalForm, siret, vatNumber, addressLine, postalCode, city,
                    contactEmail, contactPhone);
        }
    }

    /** The first administrator, invited in their language ({@code fr} by default). */
    public record AdministratorRequest(@Schema(required = true) String firstName,
                                       @Schema(required = true) String lastName,
                                       @Schema(required = true) String email,
                                       @Schema(example = "fr") String language) {
    }

    /** A new client: the account (name, language and address of its invoices), its company, its administrator. */
    public record CustomerRequest(@Schema(required = true) String name,
                                  @Schema(example = "fr") String billingLanguage,
                                  String billingEmail,
                                  @Schema(required = true) CompanyRequest company,
                                  @Schema(required = true) AdministratorRequest administrator) {
    }

    /** A new accounting firm and its first administrator. */
    public record FirmRequest(@Schema(required = true) String name,
                              @Schema(required = true) String siren,
                              String vatNumber, String addressLine, String postalCode, String city,
                              String contactEmail,
                              @Schema(example = "fr") String billingLanguage,
                              @Schema(required = true) AdministratorRequest administrator) {
    }

    /** A company's billing from a month on. */
    public record BillingMoveRequest(@Schema(required = true, enumeration = {"DIRECT", "FIRM"}) String billingMode,
                                     @Schema(description = "Required for FIRM; for DIRECT, the firm that keeps the"
                                             + " books, if any") Long firmId,
                                     @Schema(required = true, example = "2027-01", description = "This month or a"
                                             + " later one") String from) {
    }

    /** A customer account, its administrators and its companies. */
    public record AccountView(long id, String name, String kind, String billingLanguage, String billingEmail,
                              List<Long> administrators, List<CompanyView> companies, String closedLastDay) {
    }

    public record CompanyView(long id, String legalName, String siren, String billingMode, Long firmId) {
        static CompanyView of(Company c) {
            return new CompanyView(c.getId(), c.getLegalName(), c.getSiren(), c.getBillingMode().name(),
                    c.getAccountingFirm() == null ? null : c.getAccountingFirm().getId());
        }
    }

    public record ArrangementView(String from, boolean sinceAlways, String billingMode, Long firmId,
                                  String firmName) {
        static ArrangementView of(BillingArrangement a) {
            return new ArrangementView(a.getMonth().toString(), a.isSinceAlways(), a.getBillingMode().name(),
                    a.getAccountingFirm() == null ? null : a.getAccountingFirm().getId(),
                    a.getAccountingFirm() == null ? null : a.getAccountingFirm().getName());
        }
    }

    @EJB
    Onboarding onboarding;

    @EJB
    BillingMoves moves;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Find accounts, firms, companies and people by name, SIREN or e-mail (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClientHit.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = PROBLEM, content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    public List<ClientHit> find(@QueryParam("q") String q) {
        return onboarding.find(q);
    }

    @POST
    @Path("customers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a client: its account, first company (billed DIRECT) and first administrator, who"
            + " is invited (operators)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Onboarded.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = PROBLEM, content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused, one entry per refused field in 'errors'"
            + " (onboarding.siren.taken, siren.invalid, email.invalid…)", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response createCustomer(CustomerRequest customer) {
        if (customer == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        CompanyRequest company = customer.company() == null
                ? new CompanyRequest(null, null, null, null, null, null, null, null, null, null) : customer.company();
        Onboarded made = onboarding.createCustomer(new NewCustomer(customer.name(),
                language(customer.billingLanguage()), customer.billingEmail(), company.company(),
                administrator(customer.administrator())), request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @POST
    @Path("firms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an accounting firm, on its own customer account, and its first administrator, who"
            + " is invited (operators)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Onboarded.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = PROBLEM, content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused (onboarding.firmSiren.taken,"
            + " onboarding.administrator.taken…)", content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    public Response createFirm(FirmRequest firm) {
        if (firm == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Onboarded made = onboarding.createFirm(new NewFirm(firm.name(), firm.siren(), firm.vatNumber(),
                firm.addressLine(), firm.postalCode(), firm.city(), firm.contactEmail(),
                language(firm.billingLanguage()), administrator(firm.administrator())), request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @GET
    @Path("accounts/{id}")
    @Operation(summary = "A customer account, its administrators and its companies (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "404", description = "error.notFound", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public AccountView account(@PathParam("id") long id) {
        CustomerAccount account = onboarding.account(id);
        return new AccountView(account.getId(), account.getName(), account.getKind().name(),
                account.getBillingLanguage().code(), account.getBillingEmail(),
                account.getAdministrators().stream().map(a -> a.getId()).sorted(Comparator.naturalOrder()).toList(),
                onboarding.companiesOf(id).stream().map(CompanyView::of).toList(),
                account.getLastDay() == null ? null : account.getLastDay().toString());
    }

    @POST
    @Path("accounts/{id}/companies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a company, billed DIRECT, to a client's account (operators)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CompanyView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: no such client account", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused (onboarding.siren.taken…)", content =
    @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response addCompany(@PathParam("id") long id, CompanyRequest company) {
        if (company == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Company added = onboarding.addCompany(id, company.company(), request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(CompanyView.of(added)).build();
    }

    @GET
    @Path("companies/{id}/billing")
    @Operation(summary = "A company's billing arrangements by month, oldest first; empty when it was never moved"
            + " (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArrangementView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "error.notFound", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<ArrangementView> billing(@PathParam("id") long id) {
        return moves.history(id).stream().map(ArrangementView::of).toList();
    }

    @POST
    @Path("companies/{id}/billing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bill a company DIRECT or through a firm from a month on (operators)",
            description = "Months already begun keep how they were billed. The administrators of the client's"
                    + " account and of each firm concerned are told.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ArrangementView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused (billingMoves.from.past,"
            + " billingMoves.firm.required…) or billingMoves.unchanged", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response move(@PathParam("id") long id, BillingMoveRequest move) {
        if (move == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        BillingMode mode = InvalidRequest.constant(BillingMode.class,
                move.billingMode() == null ? null : move.billingMode().toUpperCase(Locale.ROOT));
        YearMonth from;
        try {
            from = move.from() == null ? null : YearMonth.parse(move.from().strip());
        } catch (DateTimeParseException malformed) {
            throw new FieldsRefused(List.of(new FieldsRefused.Problem("from", "billingMoves.from.invalid")));
        }
        BillingArrangement moved = moves.move(id, mode, move.firmId(), from, request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(ArrangementView.of(moved)).build();
    }

    /** A last day, for ending subscriptions or closing an account. */
    public record LastDayRequest(@Schema(required = true, example = "2026-12-31") String lastDay) {
        LocalDate day() {
            try {
                return lastDay == null ? null : LocalDate.parse(lastDay.strip());
            } catch (DateTimeParseException malformed) {
                throw new FieldsRefused(List.of(new FieldsRefused.Problem("lastDay", "closing.lastDay.required")));
            }
        }
    }

    /** What a closing did. */
    public record Closed(long accountId, String lastDay, String anonymiseAfter) {
    }

    /** How many subscriptions ended. */
    public record Ended(int subscriptions) {
    }

    @POST
    @Path("companies/{id}/end-subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End every subscription of a company at a last day; the run of that month bills a final"
            + " prorated invoice (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Ended.class)))
    @APIResponse(responseCode = "404", description = "error.notFound", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused (closing.lastDay.required,"
            + " closing.lastDay.past)", content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    public Ended endSubscriptions(@PathParam("id") long id, LastDayRequest body) {
        if (body == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        return new Ended(closing.endSubscriptions(id, body.day(), request.getRemoteAddr()));
    }

    @POST
    @Path("accounts/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a customer account at a last day (operators)",
            description = "Every subscription of its companies ends then; its people who belong to no other account"
                    + " are disabled; its invoices are kept for the legal period, after which its people's data is"
                    + " erased.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Closed.class)))
    @APIResponse(responseCode = "404", description = "error.notFound", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "closing.closed, closing.firmStillBills, api.fieldsRefused"
            + " (closing.lastDay.*)", content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    public Closed close(@PathParam("id") long id, LastDayRequest body) {
        if (body == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        CustomerAccount closed = closing.close(id, body.day(), request.getRemoteAddr());
        return new Closed(closed.getId(), closed.getLastDay().toString(), closed.getAnonymiseAfter().toString());
    }

    @EJB
    fr.moncompte.portal.domain.organisation.boundary.Closing closing;

    /** The person added as an administrator, by id. */
    public record AdministratorAdded(long administratorId) {
    }

    @POST
    @Path("accounts/{id}/administrators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a new person, invited, as an administrator of an account, a firm's above all"
            + " (operators)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AdministratorAdded.class)))
    @APIResponse(responseCode = "404", description = "error.notFound", content = @Content(
            mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused (onboarding.administrator.taken,"
            + " email.invalid…), closing.closed", content = @Content(mediaType = PortalApi.PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class)))
    public Response addAdministrator(@PathParam("id") long id, AdministratorRequest body) {
        if (body == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        long added = onboarding.addAdministrator(id, administrator(body), request.getRemoteAddr());
        return Response.status(Response.Status.CREATED).entity(new AdministratorAdded(added)).build();
    }

    private static NewAdministrator administrator(AdministratorRequest typed) {
        return typed == null ? null : new NewAdministrator(typed.firstName(), typed.lastName(), typed.email(),
                language(typed.language()));
    }

    private static Language language(String typed) {
        return typed == null ? null : InvalidRequest.constant(Language.class, typed.toUpperCase(Locale.ROOT));
    }
}
