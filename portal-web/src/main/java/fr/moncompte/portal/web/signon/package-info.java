/**
 * The OpenID Connect provider's endpoints (issue 22): discovery, authorization (with the company choice and the
 * refusal pages), token, userinfo and end-session. Nimbus's OAuth 2.0 / OIDC SDK parses and builds the protocol's
 * messages; the rules are the boundaries' of {@code fr.moncompte.portal.domain.signon}.
 */
package fr.moncompte.portal.web.signon;
