/** The events already handled, by id. */
package fr.moncompte.portal.notifications.delivery.entity;
