package fr.moncompte.portal.domain.account.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An event names a one-time link that the database does not show yet. The link and its event are written in one
 * transaction, but under two-phase commit the broker's part may commit before the database's, and the notifications
 * module may read before the row is there (seen on PostgreSQL: the event handled 63 ms after the link was written,
 * the invitation mail dropped as "spent"). Rolling back lets the broker deliver the event again after its delay;
 * a link that never comes leaves the event in the dead-letter queue, where an operator sees it.
 */
@ApplicationException(rollback = true)
public class LinkNotYetVisible extends RuntimeException {

    public LinkNotYetVisible(String linkId) {
        super("Link " + linkId + " is not in the database yet; the event will be delivered again");
    }
}
