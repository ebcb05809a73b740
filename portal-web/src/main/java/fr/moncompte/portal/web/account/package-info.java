/** The space "Mon compte": the signed-in person's own data. */
package fr.moncompte.portal.web.account;
