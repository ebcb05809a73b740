/** The language of the pages and the translated texts (fr default, en). */
package fr.moncompte.portal.web.i18n;
