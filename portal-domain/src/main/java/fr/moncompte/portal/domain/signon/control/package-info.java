/** What the boundaries of single sign-on share: redirect matching, secrets, the tokens' signatures, the end rule. */
package fr.moncompte.portal.domain.signon.control;
