package fr.moncompte.portal.domain;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A business rule said no. It carries a message key of the fr/en bundles (and its arguments) so that the pages and
 * the API translate it for the person who asked; the transaction it is thrown in is rolled back.
 */
@ApplicationException(rollback = true, inherited = true)
public class PortalException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public PortalException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
