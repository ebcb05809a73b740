/** Reading and saving a person's notification preferences. */
package fr.moncompte.portal.notifications.preference.boundary;
