package fr.moncompte.portal.web.developers;

import fr.moncompte.portal.domain.schema.control.ProductionSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;


/**
 * The API explorer (Swagger UI over the portal's OpenAPI document). Operators find it in the back-office
 * ({@code /operations/api.xhtml}, theirs alone by web.xml); in development anyone may open
 * {@code /developers/api.xhtml} without signing in, which in production leads to the operators' page instead.
 */
@Named
@ApplicationScoped
public class ApiExplorerPage {

    @Inject
    @ConfigProperty(name = ProductionSettings.ENVIRONMENT, defaultValue = ProductionSettings.PRODUCTION)
    String environment;

    /** The open page's view action: in production, the operators' page (sign-in first, as for any of theirs). */
    public String openToAll() {
        return isDevelopment() ? null : "/operations/api?faces-redirect=true";
    }

    public boolean isDevelopment() {
        return ProductionSettings.isDevelopment(java.util.Optional.of(environment));
    }
}
