package fr.moncompte.portal.domain.billable.boundary;

import java.time.LocalDate;

/** One user's access to an application on a company, as days in the portal's time zone; open while not revoked. */
public record Seat(String applicationCode, LocalDate from, LocalDate to) {
}
