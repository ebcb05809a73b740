/** Each HTTP request's id (in the logs, the answer and the events it sends) and its time (in the metrics). */
package fr.moncompte.portal.web.trace;
