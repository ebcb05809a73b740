package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.domain.ResultPage;
import fr.moncompte.portal.domain.access.boundary.AccessAdministration;
import fr.moncompte.portal.domain.access.boundary.AccountRoles;
import fr.moncompte.portal.domain.access.boundary.Invited;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.access.boundary.UserCreation;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.boundary.PeopleDirectory;
import fr.moncompte.portal.domain.secondfactor.boundary.SecondFactors;
import fr.moncompte.portal.web.api.ApiLanguage;
import fr.moncompte.portal.web.api.InvalidRequest;
import fr.moncompte.portal.web.api.ListPage;
import fr.moncompte.portal.web.api.Paging;
import fr.moncompte.portal.web.api.PortalApi;
import fr.moncompte.portal.web.api.Problem;
import fr.moncompte.portal.web.api.QueryValue;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.List;
import java.util.Locale;

/**
 * "Utilisateurs": a user in the caller's scope with their access company by company, a new user, and access granted
 * or taken back, through the same boundaries as the pages ({@link PeopleDirectory}, {@link UserCreation},
 * {@link AccessAdministration}), so every rule of SPEC §4 holds (scope, configured applications, firm-billed
 * companies read-only for client administrators, audit).
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = PortalApi.BEARER)
public class UsersResource {

    /** One application of a company as the user stands with it. */
    public record ApplicationAccessView(String code, String name, boolean granted, boolean grantable) {
    }

    /**
     * One company of the user.
     *
     * @param changeable whether the caller may change access there (SPEC §4 rule 3)
     */
    public record CompanyAccessView(long companyId, String companyName, boolean changeable,
                                    List<ApplicationAccessView> applications) {
    }

    /** A user and their access, company by company. */
    public record UserDetail(long id, String email, String firstName, String lastName, String phone, String language,
                             String status, List<CompanyAccessView> companies) {
    }

    /** Enables or disables a user. */
    public record StatusRequest(@Schema(required = true, description = "true to enable, false to disable")
                                Boolean enabled) {
    }

    /** One customer account of the user's companies, and whether they administer it. */
    public record RoleView(long accountId, String accountName, boolean administrator, boolean changeable) {
    }

    @EJB
    PeopleDirectory scope;

    @EJB
    AccountRoles roles;

    @EJB
    UserCreation creation;

    @EJB
    AccessAdministration access;

    @Context
    HttpServletRequest request;

    @EJB
    SecondFactors secondFactors;

    @Context
    HttpHeaders headers;

    /** For the OpenAPI description: a page of users. */
    @Schema(name = "UserPage")
    public static class UserPage extends PageSchema {
        public List<Views.UserSummary> items;
    }

    @GET
    @Operation(summary = "The people in the caller's scope (Utilisateurs)",
            description = "Client administrators: the people of their account's companies; the firm's: of its"
                    + " portfolio; operators: everyone. 'search' matches names and e-mail addresses, case and"
                    + " accents ignored.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserPage.class)))
    @APIResponse(responseCode = "400", description = "api.paging.invalid, api.parameter.invalid (sort)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: users who administer nothing",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public ListPage<Views.UserSummary> users(
            @QueryParam("search") String search,
            @QueryParam("sort") @Parameter(description = "NAME (default), EMAIL or STATUS") String sort,
            @QueryParam("descending") @Parameter(description = "true for Z to A") boolean descending,
            @QueryParam("page") @Parameter(description = "From 1") String page,
            @QueryParam("size") @Parameter(description = "1 to 100") String size) {
        Paging paging = Paging.of(page, size);
        PeopleDirectory.UserOrder order = QueryValue.constant("sort", PeopleDirectory.UserOrder.class, sort);
        ResultPage<UserAccount> found = scope.users(search, order == null ? PeopleDirectory.UserOrder.NAME : order,
                !descending, paging.first(), paging.size());
        return ListPage.of(found.rows().stream().map(Views.UserSummary::of).toList(), paging, found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A user in the caller's scope, with the applications of each of their companies")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserDetail.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: users who administer nothing",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: unknown, or outside the caller's scope",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public UserDetail user(@PathParam("id") long id) {
        return detail(scope.userDetails(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Views.NewUserRequest.class)))
    @Operation(summary = "Invite a person to a company (account administrators)",
            description = "language: FR or EN; applications: codes configured on the company; administrator: whether"
                    + " they administer the company's account too. A new address becomes an invited user, member of"
                    + " the company at once; the owner of an address that is already a login is asked to join and"
                    + " answers in Mon compte. The answer is the same either way: it never tells whether an address"
                    + " has an account. Find the new user afterwards with GET /users?search=.")
    @APIResponse(responseCode = "202", description = "The invitation was sent",
            content = @Content(schema = @Schema(implementation = Invited.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden (operators and users create no user),"
            + " users.createReadOnly (a company billed through its firm, for a client administrator)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: the company is outside the caller's scope",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "api.fieldsRefused with one entry per refused field in"
            + " 'errors' (users.alreadyMember: the person is a member of the company already), access.notConfigured,"
            + " users.createAgain (the same new address created at the same moment: send it again)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "users.tooManyInvitations: past the hourly bound of the caller"
            + " (portal.users.invitations-per-hour)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response create(Views.NewUserRequest user) {
        if (user == null || user.companyId() == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        Language language = InvalidRequest.constant(Language.class,
                user.language() == null ? null : user.language().toUpperCase(Locale.ROOT));
        Invited invited = creation.create(new NewUser(user.firstName(), user.lastName(), user.email(), language,
                user.companyId(), user.applications(), user.administrator()), request.getRemoteAddr());
        return Response.accepted(invited).build();
    }

    @PUT
    @Path("{id}/access/{companyId}/{applicationCode}")
    @Operation(summary = "Let the user open an application on a company (granting twice changes nothing)")
    @APIResponse(responseCode = "204", description = "Granted")
    @APIResponse(responseCode = "403", description = "api.forbidden, access.readOnly (SPEC §4 rule 3)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: user or company outside the scope, or the"
            + " user is no member of the company",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "access.notConfigured: not configured on the company (rule 2)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void grant(@PathParam("id") long id, @PathParam("companyId") long companyId,
                      @PathParam("applicationCode") String applicationCode) {
        access.grant(id, companyId, applicationCode, request.getRemoteAddr());
    }

    @DELETE
    @Path("{id}/access/{companyId}/{applicationCode}")
    @Operation(summary = "Take an application back from the user on a company")
    @APIResponse(responseCode = "204", description = "Revoked (or not granted)")
    @APIResponse(responseCode = "403", description = "api.forbidden, access.readOnly",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") long id, @PathParam("companyId") long companyId,
                       @PathParam("applicationCode") String applicationCode) {
        access.revoke(id, companyId, applicationCode, request.getRemoteAddr());
    }

    @PUT
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enable or disable a user (their administrators; a disabled user's sessions and tokens end)",
            description = "The same rules as the user's page: nobody disables themselves, nor the last active"
                    + " administrator of a customer account (SPEC §4 rule 4).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UserDetail.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden (operators, users), users.readOnlyChange (a"
            + " person of companies billed through their firm, for a client administrator)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "users.notYourself, users.lastAdministrator, users.beyondReach"
            + " (the user also belongs to companies the caller may not change: remove them from the caller's"
            + " companies instead, DELETE /users/{id}/memberships)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public UserDetail status(@PathParam("id") long id, StatusRequest status) {
        if (status == null || status.enabled() == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        return detail(scope.changeStatus(id, status.enabled(), request.getRemoteAddr()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Erase a person's data at their request (operators, GDPR art. 17)",
            description = "Access revoked, memberships and roles ended, sessions ended, second factors, links and"
                    + " sign-ins deleted, the name and address replaced in the audit log, notifications and mails"
                    + " forgotten; the account row stays without data. Issued invoices are untouched.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound (no such person, or erased already)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "erasure.lastAdministrator, erasure.operator, erasure.yourself",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void erase(@PathParam("id") long id) {
        erasure.erase(id, request.getRemoteAddr());
    }

    @EJB
    fr.moncompte.portal.domain.account.boundary.Erasure erasure;

    /** How many companies a person was removed from. */
    public record Removed(int removed) {
    }

    @DELETE
    @Path("{id}/memberships")
    @Operation(summary = "Remove the user from the caller's companies (their access there ends; they are told)",
            description = "What an administrator does when the user also belongs to companies they do not"
                    + " administer, and so may not disable them (users.beyondReach): the memberships of the"
                    + " companies the caller may change end, the user's access to their applications is revoked,"
                    + " each removal is audited and the user told. Their other companies, status and sessions stay.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Removed.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden, users.readOnlyChange",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "users.notYourself, users.removeAdministrator (take the"
            + " administrator role away first)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Removed removeFromCallersCompanies(@PathParam("id") long id) {
        return new Removed(scope.removeFromCallersCompanies(id, request.getRemoteAddr()));
    }

    @DELETE
    @Path("{id}/second-factor")
    @Operation(summary = "Reset a person's second factor (operators): their authenticator apps and recovery codes go",
            description = "For a person who lost every factor and asked: audited, and the person is mailed; they sign"
                    + " in with their password alone and add an app again.")
    @APIResponse(responseCode = "200", description = "How many apps were removed",
            content = @Content(schema = @Schema(implementation = Removed.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: operators only",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Removed resetSecondFactor(@PathParam("id") long id) {
        return new Removed(secondFactors.resetFor(id, request.getRemoteAddr()));
    }

    @POST
    @Path("{id}/invitation")
    @Operation(summary = "Send an invited user a new invitation (7 days); the earlier link stops working")
    @APIResponse(responseCode = "204", description = "Sent")
    @APIResponse(responseCode = "403", description = "api.forbidden, users.readOnly",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "invitation.notInvited: they have chosen a password already",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void resendInvitation(@PathParam("id") long id) {
        scope.resendInvitation(id, request.getRemoteAddr());
    }

    @GET
    @Path("{id}/roles")
    @Operation(summary = "The customer accounts of the user's companies, and whether the user administers each")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RoleView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<RoleView> roles(@PathParam("id") long id) {
        return roles.of(id).stream().map(role -> new RoleView(role.account().getId(), role.account().getName(),
                role.administrator(), role.changeable())).toList();
    }

    @PUT
    @Path("{id}/roles/{accountId}")
    @Operation(summary = "Make the user an administrator of a customer account (as on the user's page)")
    @APIResponse(responseCode = "204", description = "They administer it (or did already)")
    @APIResponse(responseCode = "403", description = "api.forbidden, users.readOnlyChange",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void appoint(@PathParam("id") long id, @PathParam("accountId") long accountId) {
        roles.change(id, accountId, true, request.getRemoteAddr());
    }

    @DELETE
    @Path("{id}/roles/{accountId}")
    @Operation(summary = "Make the user a user only of a customer account",
            description = "Refused for the account's last active administrator (SPEC §4 rule 4).")
    @APIResponse(responseCode = "204", description = "They no longer administer it (or never did)")
    @APIResponse(responseCode = "403", description = "api.forbidden, users.readOnlyChange",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "users.lastAdministrator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public void demote(@PathParam("id") long id, @PathParam("accountId") long accountId) {
        roles.change(id, accountId, false, request.getRemoteAddr());
    }

    private UserDetail detail(UserAccount user) {
        Locale locale = ApiLanguage.of(headers);
        List<CompanyAccessView> companies = access.ofUser(user.getId()).stream()
                .map(company -> new CompanyAccessView(company.company().getId(), company.company().getLegalName(),
                        company.changeable(), company.applications().stream()
                        .map(a -> new ApplicationAccessView(a.application().getCode(),
                                Views.ApplicationRef.of(a.application(), locale).name(), a.granted(),
                                a.configured().isPresent()))
                        .toList()))
                .toList();
        return new UserDetail(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(), user.getPhone(),
                user.getLanguage().name().toLowerCase(Locale.ROOT), user.getStatus().name(), companies);
    }
}
