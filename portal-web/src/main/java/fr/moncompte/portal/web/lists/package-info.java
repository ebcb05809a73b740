/** What the searchable, paged lists of the administration spaces share. */
package fr.moncompte.portal.web.lists;
