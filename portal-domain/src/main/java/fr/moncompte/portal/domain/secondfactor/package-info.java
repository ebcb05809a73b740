/**
 * A second factor after the password (issue 20): authenticator apps (TOTP, RFC 6238), passkeys (WebAuthn) and
 * recovery codes. Being built: the codes, the QR code and the sealing of secrets are here; enrolment and the sign-in
 * step are not yet.
 */
package fr.moncompte.portal.domain.secondfactor;
