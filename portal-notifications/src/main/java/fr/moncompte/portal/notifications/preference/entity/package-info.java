/** The stored choices. */
package fr.moncompte.portal.notifications.preference.entity;
