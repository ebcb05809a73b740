package fr.moncompte.portal.web.developers;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Swagger UI's two files, read from its webjar on the class path. Served here rather than from the jar's
 * {@code META-INF/resources}, which only a WAR's own {@code WEB-INF/lib} offers: in the EAR the jar sits in the EAR's
 * {@code lib}. Only the names listed are served, so no path reaches anything else.
 */
@WebServlet("/developers/swagger-ui/*")
public class ApiExplorerFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The webjar's version, from its pom.properties: the folder its files are in. */
    private static final String ROOT = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> FILES = Map.of(
            "/swagger-ui-bundle.js", "text/javascript;charset=UTF-8",
            "/swagger-ui.css", "text/css;charset=UTF-8");

    private transient String version;

    @Override
    public void init() {
        version = WebjarVersion.of("org.webjars", "swagger-ui", getClass().getClassLoader());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        String type = name == null ? null : FILES.get(name);
        InputStream file = type == null || version == null ? null
                : getClass().getClassLoader().getResourceAsStream(ROOT + version + name);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream in = file) {
            response.setContentType(type);
            response.setHeader("Cache-Control", "public, max-age=86400");
            in.transferTo(response.getOutputStream());
        }
    }
}
