/** Publishing domain events on the broker. */
package fr.moncompte.portal.domain.event.boundary;
