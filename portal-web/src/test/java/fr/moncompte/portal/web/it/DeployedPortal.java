package fr.moncompte.portal.web.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration-test class extends: the one deployment of the suite, {@link PortalArchive#shared()}, which
 * {@link SharedPortal} starts once and every class then runs against. A new class gets the running portal by
 * extending this; classes that only talk HTTP add {@code @RunAsClient}, and an {@code @Order} places them in the run.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedPortal {

    @Deployment
    static WebArchive deployment() {
        return PortalArchive.shared();
    }
}
