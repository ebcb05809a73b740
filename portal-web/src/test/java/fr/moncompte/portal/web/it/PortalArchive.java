package fr.moncompte.portal.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The WAR that the build produced, as it ships, with the test-only probes and the classes whose tests run inside the
 * portal added. Every integration-test class deploys this one archive: {@link SharedPortal} starts it once.
 */
final class PortalArchive {

    private PortalArchive() {
    }

    static WebArchive shared() {
        File war = new File(System.getProperty("portal.it.war", "target/portal-web.war"));
        return ShrinkWrap.create(ZipImporter.class, "portal.war").importFrom(war).as(WebArchive.class)
                .addClasses(BillingProbe.class, BoundaryProbe.class, ClockProbe.class, ForgedSessionProbe.class,
                        MovableClock.class,
                        DueChangesProbe.class, RetentionProbe.class, NotificationsProbe.class, OperatorAppsProbe.class, PasswordChangeProbe.class, PeopleProbe.class, People.class,
                        People.Wanted.class, QuiescenceProbe.class)
                .addClasses(DeployedPortal.class, EventDeliveryIT.class, BrokerRestartIT.class, SignInLockoutIT.class,
                        SignInFloodIT.class)
                // Read by JUnit where the in-container tests run too (the class order it names).
                .addAsResource("junit-platform.properties");
    }
}
