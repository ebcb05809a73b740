/** Start-up migration of the notifications tables. */
package fr.moncompte.portal.notifications.schema.boundary;
