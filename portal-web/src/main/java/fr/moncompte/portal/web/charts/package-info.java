/** Charts drawn on the server as SVG, each with its text alternative and its figures in a table (issue 21). */
package fr.moncompte.portal.web.charts;
