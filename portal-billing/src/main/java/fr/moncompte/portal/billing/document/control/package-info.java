/** Rendering an invoice as a PDF/A-3 with its EN 16931 XML embedded (Factur-X). */
package fr.moncompte.portal.billing.document.control;
