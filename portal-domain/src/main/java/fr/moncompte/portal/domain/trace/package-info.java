/**
 * The request id that follows a person's request through the portal's logs and into the domain events it sends, so
 * that one id finds the page, the API call, the event and its notifications in the logs of every node.
 */
package fr.moncompte.portal.domain.trace;
