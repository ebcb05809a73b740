/** Signing in and out, and who is signed in. */
package fr.moncompte.portal.web.session;
