package fr.moncompte.portal.web.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds to every operation of the OpenAPI description the answers any of them may give: 401 where a token is needed,
 * 503 and 500 everywhere (named in {@code mp.openapi.filter}).
 */
public class CommonResponses implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null) {
            return operation;
        }
        boolean needsToken = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (needsToken && !operation.getResponses().hasAPIResponse("401")) {
            operation.getResponses().addAPIResponse("401", problem("api.unauthorized (no token), api.token.refused"
                    + " (expired, another issuer, an unknown key, a bad signature)"));
        }
        if (!operation.getResponses().hasAPIResponse("503")) {
            operation.getResponses().addAPIResponse("503", problem("api.unavailable: the broker or the database could"
                    + " not be reached (a fail-over, a restart); nothing was saved; Retry-After says when to try again"));
        }
        if (!operation.getResponses().hasAPIResponse("500")) {
            operation.getResponses().addAPIResponse("500", problem("api.internal: the detail names an incident id"
                    + " that the portal's log holds too"));
        }
        return operation;
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(PortalApi.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
