/** Which notifications each person receives, on which channel (SPEC §6). */
package fr.moncompte.portal.notifications.preference;
