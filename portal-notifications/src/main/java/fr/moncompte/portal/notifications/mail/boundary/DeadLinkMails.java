package fr.moncompte.portal.notifications.mail.boundary;

import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.notifications.delivery.boundary.Notifications;
import fr.moncompte.portal.notifications.mail.control.Mail;
import fr.moncompte.portal.notifications.mail.entity.OutgoingMail;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.Optional;

/**
 * Writes a given-up mail holding a one-time link anew, for an operator's replay: as the notifications module (the
 * accounts and links it reads answer {@link Roles#SYSTEM}), on an operator's behalf. The dead mail's own bodies were
 * forgotten when it was given up; the new one carries a fresh secret, and the old one stops working.
 */
@Stateless
@RunAs(Roles.SYSTEM)
@DeclareRoles({Roles.SYSTEM, Roles.OPERATOR})
@RolesAllowed(Roles.OPERATOR)
public class DeadLinkMails {

    @EJB
    Notifications notifications;

    /** The mail written anew; empty when its link is no longer open (used, replaced or expired). */
    public Optional<Mail> rewrite(OutgoingMail dead) {
        return notifications.rewriteLinkMail(dead.getAccountId(), dead.getEventType());
    }
}
