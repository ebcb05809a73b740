package fr.moncompte.portal.domain.secondfactor.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** The configured {@link SecretSealing}, read once ({@value SecretSealing#KEY}). */
@ApplicationScoped
public class FactorSecrets {

    @Inject
    Config config;

    private SecretSealing sealing;

    @PostConstruct
    void read() {
        sealing = SecretSealing.of(config.getOptionalValue(SecretSealing.KEY, String.class));
    }

    public String seal(byte[] secret) {
        return sealing.seal(secret);
    }

    public byte[] open(String sealed) {
        return sealing.open(sealed);
    }
}
