/** The pages behind the one-time links of the mails, and "Mot de passe oublié ?": all reachable signed out. */
package fr.moncompte.portal.web.link;
