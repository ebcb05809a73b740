package fr.moncompte.portal.web.signon;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An authorization request checked and waiting for the person (a company to choose, a refusal to read), kept in
 * their HTTP session under a random id, so that several tabs may each have one. At most ten are kept.
 *
 * @param clientId      the client's id
 * @param companyHint   a company id or SIREN the application suggested, or null
 */
record PendingAuthorization(String id, String clientId, String nameFr, String nameEn, String redirectUri, String state,
                            String nonce, String scope, String codeChallenge, String companyHint)
        implements Serializable {

    private static final String ATTRIBUTE = "fr.moncompte.portal.oidc.pending";
    private static final int MOST = 10;

    void keepIn(HttpSession session) {
        synchronized (session) {
            Map<String, PendingAuthorization> pending = all(session);
            pending.put(id, this);
            while (pending.size() > MOST) {
                pending.remove(pending.keySet().iterator().next());
            }
            session.setAttribute(ATTRIBUTE, pending); // set again: the cluster replicates what is set
        }
    }

    static PendingAuthorization find(HttpSession session, String id) {
        if (session == null || id == null) {
            return null;
        }
        synchronized (session) {
            return all(session).get(id);
        }
    }

    static void forget(HttpSession session, String id) {
        if (session == null) {
            return;
        }
        synchronized (session) {
            Map<String, PendingAuthorization> pending = all(session);
            pending.remove(id);
            session.setAttribute(ATTRIBUTE, pending);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, PendingAuthorization> all(HttpSession session) {
        Object kept = session.getAttribute(ATTRIBUTE);
        return kept instanceof LinkedHashMap<?, ?> map ? (Map<String, PendingAuthorization>) map : new LinkedHashMap<>();
    }
}
