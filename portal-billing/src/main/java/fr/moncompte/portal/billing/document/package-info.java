/** Invoice documents: the Factur-X PDF and what it says. */
package fr.moncompte.portal.billing.document;
