/** Granting and revoking users' access to the applications configured on their companies, under SPEC §4. */
package fr.moncompte.portal.domain.access.boundary;
