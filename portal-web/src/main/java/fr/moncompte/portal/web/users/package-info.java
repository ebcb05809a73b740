/** The space "Utilisateurs" (administrators only). */
package fr.moncompte.portal.web.users;
