/** The message-driven bean that takes domain events off the broker. */
package fr.moncompte.portal.notifications.event.boundary;
