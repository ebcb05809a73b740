/**
 * Single sign-on (issue 22): the portal as the OpenID Connect provider of the vendor's applications. Each catalogue
 * application has one client; a person signs in to it for one company where they hold the access, and loses the
 * application's session (back-channel logout, refresh tokens refused) when the portal session is ended, the password
 * changes, the account is disabled or the access is revoked.
 */
package fr.moncompte.portal.domain.signon;
