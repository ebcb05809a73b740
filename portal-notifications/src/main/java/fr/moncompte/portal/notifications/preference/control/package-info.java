/** The table of SPEC §6: who gets what, by default, and what may be switched off. */
package fr.moncompte.portal.notifications.preference.control;
