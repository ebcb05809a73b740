package fr.moncompte.portal.web.developers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiExplorerPageTest {

    @Test
    void the_open_page_is_open_in_development_only_and_leads_to_the_operators_page_otherwise() {
        assertNull(page("development").openToAll());
        assertNull(page(" Development ").openToAll());
        assertEquals("/operations/api?faces-redirect=true", page("production").openToAll());
        assertEquals("/operations/api?faces-redirect=true", page("staging").openToAll(), "anything else: closed");
    }

    @Test
    void the_webjar_s_version_is_read_from_its_jar_and_its_files_are_there() {
        ClassLoader loader = getClass().getClassLoader();
        String version = WebjarVersion.of("org.webjars", "swagger-ui", loader);
        assertTrue(version != null && version.matches("\\d+\\.\\d+\\.\\d+"), version);
        assertTrue(loader.getResource("META-INF/resources/webjars/swagger-ui/" + version
                + "/swagger-ui-bundle.js") != null);
        assertNull(WebjarVersion.of("org.webjars", "no-such-webjar", loader));
    }

    private static ApiExplorerPage page(String environment) {
        ApiExplorerPage page = new ApiExplorerPage();
        page.environment = environment;
        return page;
    }
}
