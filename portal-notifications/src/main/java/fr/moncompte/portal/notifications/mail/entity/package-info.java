/** A queued mail and its states. */
package fr.moncompte.portal.notifications.mail.entity;
