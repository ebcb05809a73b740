package fr.moncompte.portal.web.developers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of a webjar on the class path, read from the {@code pom.properties} Maven puts in every jar. */
final class WebjarVersion {

    private WebjarVersion() {
    }

    /** @return the version, or null when the jar is not there */
    static String of(String groupId, String artifactId, ClassLoader loader) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
