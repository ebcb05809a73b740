/* Draws the API explorer: Swagger UI over the OpenAPI document its element names. No inline script, for the CSP. */
(function () {
    'use strict';
    function draw() {
        var target = document.getElementById('swagger-ui');
        if (!target || typeof window.SwaggerUIBundle !== 'function') {
            return;
        }
        window.SwaggerUIBundle({
            url: target.getAttribute('data-openapi'),
            domNode: target,
            deepLinking: false,
            // A token pasted under "Authorize" stays in this tab only.
            persistAuthorization: false
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
}());
