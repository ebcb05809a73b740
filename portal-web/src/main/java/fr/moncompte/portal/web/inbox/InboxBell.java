package fr.moncompte.portal.web.inbox;

import fr.moncompte.portal.notifications.inbox.boundary.Inbox;
import fr.moncompte.portal.web.i18n.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The bell of the header: the number of unread notifications, read once per request, and its label in words. */
@Named
@RequestScoped
public class InboxBell {

    @EJB
    Inbox inbox;

    @Inject
    Texts t;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = inbox.unread();
        }
        return unread;
    }

    /** What a screen reader says of the bell: "Notifications, 3 unread"; the count is not only a red dot. */
    public String getLabel() {
        long count = getUnread();
        return count == 0 ? t.get("inbox.bell.none") : t.format("inbox.bell.unread", count);
    }

    /** Forgets the count read earlier in this request, after a page changed it. */
    void changed() {
        unread = null;
    }
}
