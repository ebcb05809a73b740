/** The help articles and their "Cet article a-t-il été utile ?" form. */
package fr.moncompte.portal.web.help;
