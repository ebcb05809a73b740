package fr.moncompte.portal.notifications.mail.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * Sends one group of mails over its own SMTP connection, in the background, so that the dispatch keeps several
 * connections busy at once: a mail server answers each command of a connection in turn, and one connection spends
 * most of its time waiting for those answers.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSender {

    @Inject
    MailDelivery delivery;

    /** @return for each mail that did not go out, why (see {@link MailDelivery#sendAll}) */
    @Asynchronous
    public Future<Map<String, String>> sendAll(Map<String, Mail> mails) {
        return CompletableFuture.completedFuture(delivery.sendAll(mails));
    }
}
