/** People who sign in: their identity, credentials, language and status. */
package fr.moncompte.portal.domain.account;
