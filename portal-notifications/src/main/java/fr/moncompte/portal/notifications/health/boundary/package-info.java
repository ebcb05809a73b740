/** MicroProfile Health checks of what the notifications need: the broker and the SMTP server. */
package fr.moncompte.portal.notifications.health.boundary;
