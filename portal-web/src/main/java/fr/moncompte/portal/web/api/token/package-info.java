/** The API's tokens: the signing keys from configuration, issuing RS256 JWTs, publishing the public keys (JWKS). */
package fr.moncompte.portal.web.api.token;
