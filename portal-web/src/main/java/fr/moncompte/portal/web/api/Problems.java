package fr.moncompte.portal.web.api;

import fr.moncompte.portal.billing.payment.boundary.NoticeRefused;
import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.domain.LimitReached;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.web.i18n.Texts;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the API as problem+json in the caller's language, never a stack trace: the business rules' keys
 * (the same the pages translate), a foreign or unknown id as 404, a role's refusal as 403, a malformed request as 400,
 * and anything unforeseen as 500 with an incident id that the log has too.
 */
@Provider
public class Problems implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String TYPES = "https://moncompte.example/problems/";
    /** What a 503 asks the client to wait: about what a broker fail-over takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    /** Retry-After of an hourly bound reached ({@link LimitReached}): at the latest, an hour. */
    static final String HOUR_SECONDS = "3600";

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        Locale locale = ApiLanguage.of(headers);
        String instance = uri.getRequestUri().getRawPath();
        if (failure instanceof NotFound) {
            return answer(problem(locale, 404, "error.notFound", instance, null));
        }
        if (failure instanceof FieldsRefused refused) {
            List<Problem.FieldError> errors = refused.problems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.messageKey(), Texts.format(locale, p.messageKey())))
                    .toList();
            return answer(problem(locale, 422, "api.fieldsRefused", instance, errors));
        }
        if (failure instanceof NoticeRefused refused) {
            return challenge(answer(problem(locale, 401, refused.messageKey(), instance, null)));
        }
        if (failure instanceof InvalidRequest invalid) {
            return answer(problem(locale, 400, invalid.messageKey(), instance, null, invalid.arguments().toArray()));
        }
        if (failure instanceof PortalException refused) {
            String key = refused.messageKey().toLowerCase(Locale.ROOT);
            // Read-only refusals (users.readOnly, users.readOnlyChange, companies.readOnly...): 403; an hourly bound
            // reached (email.tooManyRequests, users.tooManyInvitations, help.tooMany): 429.
            int status = refused instanceof LimitReached ? 429
                    : key.contains("readonly") ? 403
                    : key.endsWith(".invalid") ? 400 : 422;
            Response answer = answer(problem(locale, status, refused.messageKey(), instance, null,
                    refused.arguments().toArray()));
            // The bounds count over the last hour: within an hour the same request passes again.
            return status == 429 ? Response.fromResponse(answer).header("Retry-After", HOUR_SECONDS).build() : answer;
        }
        // A role the boundary does not allow: EJBAccessException, or AccessLocalException through a local view.
        if (failure instanceof EJBAccessException || failure instanceof AccessLocalException) {
            return answer(problem(locale, 403, "api.forbidden", instance, null));
        }
        if (causedBy(failure, OptimisticLockException.class)) {
            // Two requests changed the same record at the same moment: this one changed nothing, and may be sent again.
            return answer(problem(locale, 409, "api.conflict", instance, null));
        }
        if (causedBy(failure, BoundedBodies.TooLarge.class)) {
            return answer(problem(locale, 413, "api.body.tooLarge", instance, null));
        }
        if (causedBy(failure, BoundedBodies.TooDeep.class) || causedBy(failure, BoundedBodies.NulCharacter.class)) {
            return answer(problem(locale, 400, "api.body.invalid", instance, null));
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            if (causedByBody(web)) {
                return answer(problem(locale, 400, "api.body.invalid", instance, null));
            }
            int status = web.getResponse().getStatus();
            Problem problem = problem(locale, status, codeOf(status), instance, null);
            // JAX-RS's own answer keeps its headers (Allow for a 405), with the problem as its body.
            Response answer = Response.fromResponse(web.getResponse()).type(PortalApi.PROBLEM_JSON)
                    .entity(json(problem)).build();
            return status == 401 ? challenge(answer) : answer;
        }
        if (failure instanceof ProcessingException || failure instanceof JsonbException
                || failure instanceof JsonException) {
            return answer(problem(locale, 400, "api.body.invalid", instance, null));
        }
        String incident = UUID.randomUUID().toString();
        if (Unavailability.causedBy(failure)) {
            // Nothing was saved (the transaction, its events included, rolled back); the client may try again.
            LOG.log(Level.WARNING, "API request " + instance + " refused while the broker or the database could not"
                    + " be reached, incident " + incident, failure);
            return Response.fromResponse(answer(problem(locale, 503, "api.unavailable", instance, null, incident)))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "API request " + instance + " failed, incident " + incident, failure);
        return answer(problem(locale, 500, "api.internal", instance, null, incident));
    }

    /** A problem of the given status and code, its detail translated. */
    public static Problem problem(Locale locale, int status, String code, String instance,
                                  List<Problem.FieldError> errors, Object... arguments) {
        return new Problem(TYPES + code, Texts.format(locale, "api.status." + status), status, code,
                Texts.format(locale, code, arguments), instance, errors);
    }

    public static Response answer(Problem problem) {
        return Response.status(problem.status()).type(PortalApi.PROBLEM_JSON).entity(json(problem)).build();
    }

    /** A 401 says how to authenticate (RFC 6750). */
    private static Response challenge(Response unauthorized) {
        return Response.fromResponse(unauthorized).header("WWW-Authenticate", "Bearer realm=\"moncompte\"").build();
    }

    public static String json(Problem problem) {
        return JSON.toJson(problem);
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "api.unauthorized";
            case 403 -> "api.forbidden";
            case 404 -> "error.notFound";
            case 405 -> "api.methodNotAllowed";
            case 406 -> "api.notAcceptable";
            case 413 -> "api.body.tooLarge";
            case 415 -> "api.unsupportedMediaType";
            default -> "api.badRequest";
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByBody(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}
