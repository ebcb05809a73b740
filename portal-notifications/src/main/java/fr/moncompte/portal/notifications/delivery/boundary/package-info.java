/** Deciding who hears of an event, once per event. */
package fr.moncompte.portal.notifications.delivery.boundary;
