package fr.moncompte.portal.web.api;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.web.api.v1.PaymentsResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, version 1 (SPEC §7). {@code MP-JWT} installs MicroProfile JWT (verification, {@code JsonWebToken}
 * injection), which {@code SignInMechanism} calls for the API's paths; on Payara that needs this class application
 * scoped.
 */
@ApplicationPath("/api/v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.CLIENT_ADMIN, Roles.FIRM_ADMIN, Roles.OPERATOR})
@OpenAPIDefinition(
        info = @Info(title = "Mon compte API", version = "1",
                description = "The customer account portal's operations under the same rules as its pages. Obtain a"
                        + " token with POST /api/v1/auth/token, then send it as 'Authorization: Bearer <token>'."
                        + " Errors are application/problem+json with a stable 'code' and a 'detail' in the language"
                        + " of Accept-Language (fr by default, or en). Lists take 'page' (from 1) and 'size'"
                        + " (1 to 100, 20 by default) and answer 'items' with the 'total'."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = PortalApi.BEARER,
                type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT"),
                // Read as bytes (a provider's signature is checked on them), so named here for the description.
                schemas = @Schema(name = "PaymentRequest", implementation = PaymentsResource.PaymentRequest.class)))
public class PortalApi extends Application {

    public static final String BEARER = "bearer";
    public static final String PROBLEM_JSON = "application/problem+json";
}
