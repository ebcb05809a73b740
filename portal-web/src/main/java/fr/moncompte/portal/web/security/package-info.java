/** Jakarta Security: form sign-in, the identity store over the domain's accounts, the roles. */
package fr.moncompte.portal.web.security;
