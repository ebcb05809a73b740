package fr.moncompte.portal.domain.signon.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is signed in to an application, as its tokens say it: the person, the company chosen and their role in it
 * ({@code USER}, {@code CLIENT_ADMIN} of the company's account, {@code FIRM_ADMIN} of the firm that administers it),
 * the portal session's {@code sid} and when the person signed in to the portal.
 */
public record SignedOn(long loginId, String clientId, long accountId, String email, String firstName, String lastName,
                       String locale, long companyId, String companyName, String siren, String role, String sid,
                       Instant authTime) implements Serializable {
}
