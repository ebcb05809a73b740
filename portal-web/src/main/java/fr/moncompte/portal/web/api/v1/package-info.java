/** The resources of {@code /api/v1} and their JSON shapes; each calls the same EJB boundary as the page. */
package fr.moncompte.portal.web.api.v1;
