/** Telling people what happened: consumes domain events, renders mails in each recipient's language and sends them. */
package fr.moncompte.portal.notifications;
