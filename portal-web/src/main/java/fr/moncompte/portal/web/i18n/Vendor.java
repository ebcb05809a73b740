package fr.moncompte.portal.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The vendor's name as pages show it ({@code portal.vendor.name}, a setting, not a text of the bundles). */
@Named
@ApplicationScoped
public class Vendor {

    @Inject
    @ConfigProperty(name = "portal.vendor.name", defaultValue = "Inexweb")
    String name;

    public String getName() {
        return name;
    }
}
