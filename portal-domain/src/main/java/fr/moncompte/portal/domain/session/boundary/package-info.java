/** Starting, checking, listing and ending signed-in sessions. */
package fr.moncompte.portal.domain.session.boundary;
