/** What a notification names, written for its reader, and when the daily digest goes. */
package fr.moncompte.portal.notifications.delivery.control;
