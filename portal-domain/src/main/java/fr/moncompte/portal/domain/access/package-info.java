/** Who may open which application on which company (accès), with the history of grants and revocations. */
package fr.moncompte.portal.domain.access;
