package fr.moncompte.portal.domain.account.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives a new installation its first operator: where {@code portal.bootstrap.operator.email} is set and no operator
 * exists yet, that address is invited as an operator when the portal starts (the invitation mail leads to choosing a
 * password, as for anyone). Until one operator has chosen a password, each start sends that invitation again (three
 * an hour at most), in case the mail was lost or expired; after that nothing happens, so the setting may stay. Nodes
 * starting together invite once: the login is unique, and the node that loses says so and starts all the same.
 * Settings that make no valid person (a malformed address, someone else's login) or any other failure while no
 * operator exists stop the start, with the setting named.
 */
@Singleton
@Startup
@DependsOn("DomainSchema")
public class FirstOperator {

    private static final Logger LOG = Logger.getLogger(FirstOperator.class.getName());

    @Inject
    @ConfigProperty(name = "portal.bootstrap.operator.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.operator.first-name", defaultValue = "Équipe")
    String firstName;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.operator.last-name", defaultValue = "Exploitation")
    String lastName;

    @Inject
    @ConfigProperty(name = "portal.bootstrap.operator.language", defaultValue = "fr")
    String language;

    @EJB
    OperatorInvitation invitation;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void inviteIfNone() {
        if (email.filter(address -> !address.isBlank()).isEmpty()) {
            return;
        }
        try {
            invitation.inviteIfNoOperator(email.get(), firstName, lastName, language)
                    .ifPresentOrElse(id -> LOG.info(() -> "First operator invited: account " + id
                                    + " (portal.bootstrap.operator.email); the invitation mail is on its way"),
                            this::inviteAgainIfNeverAccepted);
        } catch (EJBException failed) {
            if (failed.getCause() instanceof IllegalArgumentException refused) {
                LOG.severe(refused.getMessage());
                throw new IllegalStateException(refused.getMessage(), refused);
            }
            if (!invitation.operatorExists()) {
                LOG.log(Level.SEVERE, "The first operator could not be invited (portal.bootstrap.operator.email)",
                        failed);
                throw new IllegalStateException("The first operator could not be invited", failed);
            }
            LOG.log(Level.INFO, "The first operator was invited by another node at the same moment", failed);
        }
    }

    /** An operator exists: if none ever chose a password, their invitation goes out again (it may have been lost). */
    private void inviteAgainIfNeverAccepted() {
        try {
            invitation.inviteAgainIfNeverAccepted(email.get()).ifPresentOrElse(
                    id -> LOG.info(() -> "The first operator (account " + id + ") has not chosen a password yet:"
                            + " their invitation was sent again, and the earlier link no longer works"),
                    () -> LOG.fine("An operator exists: portal.bootstrap.operator.email left unused"));
        } catch (EJBException failed) {
            // The portal works without it; the next start tries again.
            LOG.log(Level.WARNING, "The first operator's invitation could not be sent again", failed);
        }
    }
}
