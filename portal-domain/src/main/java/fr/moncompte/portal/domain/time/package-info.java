/** The portal's one clock: every moment and every day the modules read comes from it, in the portal's time zone. */
package fr.moncompte.portal.domain.time;
