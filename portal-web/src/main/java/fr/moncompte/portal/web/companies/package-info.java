/** The space "Entreprises" (administrators only). */
package fr.moncompte.portal.web.companies;
