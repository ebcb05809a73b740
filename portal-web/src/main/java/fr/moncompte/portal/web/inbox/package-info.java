/** The bell in the header and the in-app notifications page (SPEC §6). */
package fr.moncompte.portal.web.inbox;
