package fr.moncompte.portal.web.api.v1;

import fr.moncompte.portal.billing.run.boundary.BillingRuns;
import fr.moncompte.portal.billing.run.entity.BillingRun;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.web.api.InvalidRequest;
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

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Back-office › Facturation: billing runs started and followed through {@link BillingRuns} (operators). */
@Path("billing-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing runs")
@SecurityRequirement(name = PortalApi.BEARER)
public class BillingRunsResource {

    /** A month's billing run. */
    public record BillingRunView(YearMonth month, @Schema(enumeration = {"RUNNING", "FINISHED", "FAILED"})
                                 String state, long companiesTotal, long companiesDone, long invoicesIssued,
                                 Instant startedAt, Instant finishedAt, String failure) {
        static BillingRunView of(BillingRun run) {
            return new BillingRunView(run.getMonth(), run.getState().name(), run.getCompaniesTotal(),
                    run.getCompaniesDone(), run.getInvoicesIssued(), run.getStartedAt(), run.getFinishedAt(),
                    run.getFailure());
        }
    }

    /** The month to bill. */
    public record RunRequest(@Schema(required = true, example = "2026-11", description = "A month that is over")
                             String month) {
    }

    @EJB
    BillingRuns runs;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The last twelve billing runs, newest month first (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BillingRunView.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public List<BillingRunView> runs() {
        return runs.recent(12).stream().map(BillingRunView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a month's billing run in the background (operators)",
            description = "Follow it with GET /billing-runs/{month}. A month already billed can be run again: it"
                    + " bills the companies not billed yet (a failed run finishes that way), never one twice.")
    @APIResponse(responseCode = "202", description = "Started; Location is where to follow it",
            content = @Content(schema = @Schema(implementation = BillingRunView.class)))
    @APIResponse(responseCode = "400", description = "api.body.invalid, api.parameter.invalid (month)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "billing.run.monthNotOver, billing.run.busy (a run is going)",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public Response start(RunRequest run, @Context UriInfo uri) {
        YearMonth month = run == null ? null : QueryValue.month("month", run.month());
        if (month == null) {
            throw new InvalidRequest("api.body.invalid");
        }
        BillingRun started = runs.start(month, request.getRemoteAddr());
        return Response.accepted(BillingRunView.of(started))
                .location(uri.getBaseUriBuilder().path("billing-runs/{month}").build(month.toString()))
                .build();
    }

    @GET
    @Path("{month}")
    @Operation(summary = "A month's billing run: how far it went (operators)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BillingRunView.class)))
    @APIResponse(responseCode = "400", description = "api.parameter.invalid: not a month such as 2026-11",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "api.forbidden: not an operator",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "error.notFound: that month was never run",
            content = @Content(mediaType = PortalApi.PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public BillingRunView run(@PathParam("month") String month) {
        return runs.run(QueryValue.month("month", month)).map(BillingRunView::of).orElseThrow(NotFound::new);
    }
}
