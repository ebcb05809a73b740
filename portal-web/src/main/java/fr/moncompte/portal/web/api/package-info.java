/** The REST API's frame: the JAX-RS application, errors as problem+json in the caller's language, paging. */
package fr.moncompte.portal.web.api;
