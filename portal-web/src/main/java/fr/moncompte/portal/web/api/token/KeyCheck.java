package fr.moncompte.portal.web.api.token;

import fr.moncompte.portal.domain.token.SigningKeys;
import fr.moncompte.portal.domain.token.TokenSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Logger;

/**
 * The portal does not start without a key to sign the API's tokens with (there is no built-in one that an attacker
 * could know): the deployment fails with the setting to fix.
 */
@ApplicationScoped
public class KeyCheck {

    private static final Logger LOG = Logger.getLogger(KeyCheck.class.getName());

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started, Config config) {
        SigningKeys keys = SigningKeys.from(config);
        LOG.info(() -> "API tokens signed with key " + keys.signingKid() + ", issuer " + TokenSettings.issuer(config));
    }
}
