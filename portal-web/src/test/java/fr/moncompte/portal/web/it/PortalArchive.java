package fr.moncompte.portal.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that the build produced, as it ships, with only the test classes added. */
final class PortalArchive {

    private PortalArchive() {
    }

    static WebArchive withTestClasses(Class<?>... testClasses) {
        File war = new File(System.getProperty("portal.it.war", "target/portal-web.war"));
        return ShrinkWrap.create(ZipImporter.class, "portal.war").importFrom(war).as(WebArchive.class)
                .addClasses(testClasses);
    }
}
