/** Sign-in and the changes people make to their own account. */
package fr.moncompte.portal.domain.account.boundary;
