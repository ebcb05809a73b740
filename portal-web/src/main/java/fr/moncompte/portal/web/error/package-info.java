/** What people see when something goes wrong: translated pages, never a stack trace. */
package fr.moncompte.portal.web.error;
