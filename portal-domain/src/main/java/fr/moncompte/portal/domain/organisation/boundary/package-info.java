/** Which companies and people a caller may see (SPEC §4 rule 1). */
package fr.moncompte.portal.domain.organisation.boundary;
