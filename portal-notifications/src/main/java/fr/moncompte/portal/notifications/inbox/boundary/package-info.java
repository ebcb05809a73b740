/** The signed-in person's in-app notifications. */
package fr.moncompte.portal.notifications.inbox.boundary;
