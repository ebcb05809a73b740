/** Downloads of what a list shows (issue 21): CSV for spreadsheets, and a person's own data as JSON. */
package fr.moncompte.portal.web.exports;
