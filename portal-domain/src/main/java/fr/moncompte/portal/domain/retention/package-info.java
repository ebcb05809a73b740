/** How long the portal keeps what is only a trace (issue 21): sign-in attempts and ended sessions. */
package fr.moncompte.portal.domain.retention;
