/** The help articles' topics and what readers answer to "Cet article a-t-il été utile ?". */
package fr.moncompte.portal.domain.help;
