package fr.moncompte.portal.domain;

/** What was asked for does not exist, or lies outside the caller's scope: both answer alike (SPEC §4 rule 1). */
public class NotFound extends PortalException {

    public NotFound() {
        super("error.notFound");
    }
}
