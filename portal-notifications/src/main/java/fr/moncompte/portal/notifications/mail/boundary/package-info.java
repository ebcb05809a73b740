/** The outbox's dispatch (sending apart from consuming, with retries) and the operators' dead-letter list. */
package fr.moncompte.portal.notifications.mail.boundary;
