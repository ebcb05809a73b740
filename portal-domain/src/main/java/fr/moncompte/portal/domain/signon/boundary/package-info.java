/** Single sign-on's boundaries: clients (operators), the authorization step (people), tokens (clients), logouts. */
package fr.moncompte.portal.domain.signon.boundary;
